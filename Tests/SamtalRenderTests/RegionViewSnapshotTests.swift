// The county's live view (`samtal region`) as plain text, at the two sizes
// every screen is drawn at.

import SamtalCore
import SamtalRegion
import SamtalRender
import Testing

@Suite struct RegionViewSnapshotTests {
    static func municipality(_ id: String, _ name: String, _ ratings: [(String, String?)], answers: [QualityVerdict],
                             activities: [String]) -> Publication {
        var rows = [RegionRow(.cycles, "c1", ["LPO \(name)", "2027", "2027-01-01", "2027-12-31", "false"])]
        for (i, (date, value)) in ratings.enumerated() {
            rows.append(RegionRow(.ratings, "m\(i + 1)/ordning/0", ["c1", "\(i + 1)", date, String(date.prefix(7)), "ordning", "1",
                                                                     "Ordningsstörningar", "0", "Ordningsstörningar", "traffic-light",
                                                                     value, nil, nil, nil]))
        }
        for (n, verdict) in answers.enumerated() {
            rows.append(RegionRow(.qualityAnswers, "c1/q\(n + 1)", ["c1", "\(n + 1)", verdict.rawValue, nil, "2", nil]))
        }
        for (i, status) in activities.enumerated() {
            rows.append(RegionRow(.activities, "a\(i + 1)", ["c1", "\(i + 1)", "true", nil, nil, nil, nil, status]))
        }
        return Publication(storeID: id, municipality: name, rows: rows)
    }

    static let region = [
        municipality("f", "Fagersta", [("2027-02-03", "red"), ("2027-03-04", "yellow")], answers: [.yes, .partly, .no, .yes, .yes],
                     activities: ["ongoing", "done"]),
        municipality("l", "Ludvika", [("2027-03-10", "green")], answers: [.partly, .partly], activities: ["planned"]),
        municipality("s", "Sala", [("2027-01-20", "yellow")], answers: [], activities: []),
    ]

    static func state(_ size: Size) -> RegionViewState {
        RegionView.update(RegionViewState(month: "2027-03"), .read(region, at: "14:52:03", thisMonth: "2027-06"),
                          size: size, language: .sv).0
    }

    @Test func liveView() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            assertSnapshot(RegionView.render(Self.state(size), size: size, language: .sv), "region-\(size.width)x\(size.height)")
        }
    }

    @Test func liveViewConnectionLost() {
        let size = Size(width: 80, height: 24)
        let state = RegionView.update(Self.state(size), .failed("förbindelsen med regionens server bröts: server closed the connection "
                                                              + "unexpectedly", retrying: true), size: size, language: .sv).0
        assertSnapshot(RegionView.render(state, size: size, language: .sv), "region-connection-lost-80x24")
    }

    @Test func liveViewHelp() {
        let size = Size(width: 80, height: 24)
        let state = RegionView.update(Self.state(size), .key(.function(1)), size: size, language: .sv).0
        assertSnapshot(RegionView.render(state, size: size, language: .sv), "region-help-80x24")
    }
}
