// Every screen of the application, drawn from the state into a grid.
// Pure: the same state and size give the same grid. Each screen is drawn
// in a file of its own (HomeScreen, FormScreen, RunScreen, Projector, …),
// from the widgets in Widgets/.

import SamtalCore

public enum Screens {
    /// Below this the screens do not fit; a message says so instead.
    public static let minimumSize = Size(width: 60, height: 16)

    public static func render(_ state: AppState, size: Size) -> Grid {
        render(state, size: size, kept: LayoutWork.current == nil ? keptWall : nil)
    }

    /// With `kept`: the projector's wall under its clock and dialog, and a
    /// help dialog, taken from what was drawn before when they are drawn
    /// from the same (`kept`, `helpLayers`); without, everything drawn
    /// afresh, which tests compare them with (`KeptFrameTests`).
    static func render(_ state: AppState, size: Size, kept: KeptWall?) -> Grid {
        var grid = Grid(size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            drawTooSmall(&grid, texts: state.texts)
            return grid
        }
        switch state.screen {
        case .home(let home): drawHome(&grid, home, state: state)
        case .form(let form): drawForm(&grid, form, state: state)
        case .run(let run):
            switch run.role {
            case .facilitator: drawRun(&grid, run, state: state)
            case .projector:
                let clock = roomClock(run, now: state.now, texts: state.texts)
                let wall = ProjectorWall(clock: clock, run: run, now: state.now)
                if let kept {
                    grid = kept.frame(state, wall: wall, size: size) {
                        var frame = Grid(size)
                        drawPresent(&frame, run, texts: state.texts, wall: wall)
                        return frame
                    }
                } else {
                    drawPresent(&grid, run, texts: state.texts, wall: wall)
                }
                drawRoomClock(&grid, clock)
            case .station: drawStation(&grid, run, state: state)
            }
        case .workspace(let ws): drawWorkspace(&grid, ws, state: state)
        case .detached:
            break // never seen outside `update`
        }
        switch state.dialog {
        case .help(let context)?:
            if kept != nil {
                drawKeptHelp(&grid, context: context, texts: state.texts, scroll: state.helpScroll)
            } else {
                drawHelp(&grid, context: context, texts: state.texts, scroll: state.helpScroll)
            }
        case .confirm(let what)?:
            drawConfirm(&grid, what, subject: confirmSubject(what, state), note: confirmNote(what, state), texts: state.texts)
        case .trace(let trace)?: drawTrace(&grid, trace, texts: state.texts, scroll: state.helpScroll)
        case .publicReview(let review)?: drawPublicReview(&grid, review, state: state)
        case nil: break
        }
        return grid
    }

    // MARK: too small

    static func drawTooSmall(_ grid: inout Grid, texts: Texts) {
        let s = grid.size
        let message = "\(texts[.tooSmall]) (\(s.width)×\(s.height)). "
            + (texts.language == .sv ? "Minst" : "At least") + " \(minimumSize.width)×\(minimumSize.height)."
        let lines = wrap(message, width: s.width)
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.prefix(s.height).enumerated() {
            grid.text(line, x: max(0, (s.width - DisplayWidth.of(line)) / 2), y: top + i, style: Style(.warning, bold: true))
        }
    }

    // MARK: status line

    static func drawStatus(_ grid: inout Grid, state: AppState, y: Int) {
        guard let status = state.status else { return }
        let style = Style(status.isError ? .error : .success, bold: true)
        grid.fill(Rect(x: 0, y: y, width: grid.size.width, height: 1))
        grid.text(" " + truncate(status.text, width: grid.size.width - 2), x: 0, y: y, style: style)
    }
}
