import Testing
import SamtalCore
@testable import SamtalRender

/// The widgets alone, each drawn into a small grid so a snapshot reads at a
/// glance: the list, the tally bars, the wall and the bulleted text block.
@Suite struct WidgetSnapshotTests {
    let texts = Texts(.sv)

    /// A grid of `width`×`height` with a titled box over all of it, and the
    /// box's inner rectangle.
    func boxed(_ title: String, width: Int = 40, height: Int = 10) -> (Grid, Rect) {
        var grid = Grid(Size(width: width, height: height))
        let inner = grid.box(Rect(x: 0, y: 0, width: width, height: height), title: title)
        return (grid, inner)
    }

    func items(_ count: Int) -> [Screens.ListItem] {
        (0..<count).map { Screens.ListItem(text: "Rad \($0 + 1)", index: $0) }
    }

    /// The rows drawn as a list in a 40×10 box.
    func list(_ rows: [Screens.ListItem], selected: Int, active: Bool = true) -> Grid {
        var (grid, inner) = boxed("Lista")
        Screens.drawList(&grid, rows, selected: selected, rect: inner, active: active)
        return grid
    }

    // MARK: list

    @Test("the selected row is shown whole, wrapped; the others are cut with …")
    func listSelectedRowWraps() {
        let long = "Otrygghet i gångtunneln vid stationen, särskilt för kvinnor efter mörkrets inbrott"
        let rows = [Screens.ListItem(text: "Buskörning med mopeder", index: 0),
                    Screens.ListItem(text: long, index: 1),
                    Screens.ListItem(text: long, index: 2),
                    Screens.ListItem(text: "Klotter på skolans gavel", index: 3)]
        assertSnapshot(list(rows, selected: 1), "widget-list-selected-wrapped")
    }

    @Test("a list longer than its box says how many rows are above and below")
    func listOverflow() {
        assertSnapshot(list(items(20), selected: 9), "widget-list-overflow")
    }

    @Test("a heading row is not selectable and has no marker")
    func listHeadings() {
        let rows = [Screens.ListItem(text: "Beslut", style: Style(.heading, bold: true)),
                    Screens.ListItem(text: "Fler fältassistenter", index: 0),
                    Screens.ListItem(text: "Bättre belysning", index: 1),
                    Screens.ListItem(text: "Nästa steg", style: Style(.heading, bold: true)),
                    Screens.ListItem(text: "Möte med kommunen", index: 2)]
        assertSnapshot(list(rows, selected: 2), "widget-list-headings")
    }

    @Test("a list without the keys marks its selection with a quiet dot")
    func listInactive() {
        assertSnapshot(list(items(4), selected: 2, active: false), "widget-list-inactive")
    }

    // MARK: bar chart

    static let tally = [
        Screens.TallyRow(label: "Tryggt centrum", dots: 6, rank: 1, tied: false),
        Screens.TallyRow(label: "Nedskräpning", dots: 3, rank: 2, tied: true, detail: "Målbild: rena gårdar"),
        Screens.TallyRow(label: "Buskörning", dots: 3, rank: 2, tied: true),
        Screens.TallyRow(label: "Klotter", dots: 0, rank: 4, tied: false),
    ]

    @Test("tied rows share a rank with '=', a row without dots has none and no bar")
    func barChartTiesAndZero() {
        var grid = Grid(Size(width: 40, height: 10))
        Screens.drawTally(&grid, Self.tally, selected: nil, rect: Rect(x: 0, y: 0, width: 40, height: 10), title: "Röster", empty: "Inga")
        assertSnapshot(grid, "widget-bar-chart")
    }

    @Test("the selected row of a tally has the marker")
    func barChartSelected() {
        var grid = Grid(Size(width: 40, height: 10))
        Screens.drawTally(&grid, Self.tally, selected: 2, rect: Rect(x: 0, y: 0, width: 40, height: 10), title: "Röster", empty: "Inga")
        assertSnapshot(grid, "widget-bar-chart-selected")
    }

    // MARK: wall

    /// Three groups of notes (three pages of two columns), each group's
    /// heading kept with its first note and named again where a column
    /// starts inside the group.
    static let wall: [WallBlock] = {
        let notes = [["Buskörning med mopeder vid Storgatan kvällstid", "Klotter på skolans gavel",
                      "Otrygghet i gångtunneln vid stationen efter mörkrets inbrott", "Nedskräpning vid återvinningen",
                      "Fältassistenterna känner ungdomarna väl"],
                     ["Bra belysning på torget sedan i höstas", "Cyklar stjäls vid pendelparkeringen",
                      "Hög musik från bilar på parkeringen vid badet", "Ungdomsgården har stängt på fredagar"],
                     ["Mörkt vid busshållplatsen på Skolvägen", "Fortkörning förbi förskolan på morgonen",
                      "Grannsamverkan fungerar bra i området", "Droger säljs vid idrottsplatsen på kvällarna",
                      "Skadegörelse på lekplatsen i parken", "Inbrott i förråd i flerfamiljshusen",
                      "Föräldravandringar på fredagskvällar"]]
        var blocks: [WallBlock] = []
        for (g, texts) in notes.enumerated() {
            let heading = WallLine(text: "Grupp \(g + 1) (\(texts.count))", style: Style(.heading, bold: true))
            for (i, text) in texts.enumerated() {
                blocks.append(WallBlock(lines: (i == 0 ? [heading] : []) + [WallLine(lead: "Problem: ", text: text)], under: heading))
            }
        }
        return blocks
    }()

    @Test("a wall in two columns; a column starting inside a group names it again, with (forts.)")
    func wallTwoColumns() {
        var grid = Grid(Size(width: 76, height: 10))
        Screens.drawWall(&grid, Self.wall, rect: Rect(x: 0, y: 0, width: 76, height: 10), page: 0, texts: texts)
        assertSnapshot(grid, "widget-wall-page-1")
    }

    @Test("the wall's next page, and the sign that says which page it is")
    func wallPaging() {
        var grid = Grid(Size(width: 76, height: 10))
        Screens.drawWall(&grid, Self.wall, rect: Rect(x: 0, y: 0, width: 76, height: 10), page: 1, texts: texts)
        assertSnapshot(grid, "widget-wall-page-2")
    }

    // MARK: text block

    static let points = ["Presentera polisens styrmodell och långsiktiga mål.", "Presentera mötets syfte och mål.",
                         "Gå igenom hur anteckningarna används efter mötet och vem som får läsa dem."]

    @Test("bullets wrap under their text; where they do not fit one a line they run on, every word shown")
    func bullets() {
        var (grid, inner) = boxed("Samtalspunkter", height: 7)
        grid.bullets(Self.points, in: inner)
        assertSnapshot(grid, "widget-bullets")
    }

    @Test("bullets in pages: a point is not split between pages unless longer than one")
    func bulletPages() {
        let pages = Screens.bulletPages(Self.points, width: 38, height: 4)
        // The third point (three lines) starts page 2 rather than fill page 1's last line.
        #expect(pages == [["• Presentera polisens styrmodell och", "  långsiktiga mål.", "• Presentera mötets syfte och mål."],
                          ["• Gå igenom hur anteckningarna används", "  efter mötet och vem som får läsa", "  dem."]])
        // Pages of two lines: the three-line point is split, the others not.
        #expect(Screens.bulletPages(Self.points, width: 38, height: 2).map(\.count) == [2, 1, 2, 1])
        #expect(Screens.bulletPages([], width: 38, height: 4) == [[]])
    }

    // MARK: no room

    @Test("a widget given no room draws nothing")
    func noRoom() {
        let empty = Grid(Size(width: 40, height: 10))
        for rect in [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 5, y: 5, width: 0, height: 3), Rect(x: 5, y: 5, width: 20, height: 0)] {
            var grid = empty
            Screens.drawList(&grid, items(3), selected: 0, rect: rect)
            Screens.drawTally(&grid, Self.tally, selected: 0, rect: rect, title: "Röster", empty: "Inga")
            Screens.drawWall(&grid, Self.wall, rect: rect, page: 0, texts: texts)
            grid.bullets(Self.points, in: rect)
            #expect(grid == empty, "\(rect)")
        }
    }
}
