// A key typed on the note line changes three rows of the meeting's
// screen: the top row (its clock), the note line and the key bar. Making
// and comparing the whole frame for it was most of a keystroke's work,
// and most of its time where the screen's cells had left the processor's
// caches between keys (issue 15): those three rows are drawn again over
// the frame on the screen instead, when nothing else of the state the
// frame was drawn from has changed. Whether it has is told by comparing
// that state, less what only those rows show, with the state now: a
// field the core adds is compared too, so that a change the rows do not
// show draws the whole frame as before. A test draws every frame of
// random keys both ways and finds them the same
// (`PartialFrameTests`).

import SamtalCore

/// The state a frame of a meeting's screen was drawn from, at its size.
public struct FrameBasis: Sendable {
    let state: AppState
    let size: Size
}

extension Screens {
    /// The basis of a frame of `state`, to draw later frames over it; nil
    /// where a frame is always drawn whole (`drawsOverLastFrame`).
    public static func basis(of state: AppState, size: Size) -> FrameBasis? {
        drawsOverLastFrame(state, size: size) ? FrameBasis(state: state, size: size) : nil
    }

    /// Whether a frame of `state` can be drawn over the frame `basis` was
    /// taken of by drawing its `noteLineRows` again: the same size, and
    /// the state the same but for the note line, the message on it and
    /// the time (`AppState.equalsOutsideNoteLine`).
    public static func sameBasis(_ basis: FrameBasis, _ state: AppState, size: Size) -> Bool {
        size == basis.size && drawsOverLastFrame(state, size: size) && basis.state.equalsOutsideNoteLine(state)
    }

    /// Not for another screen than a meeting's, a dialog, the projector,
    /// a step whose panel shows what is typed, or a message too long for
    /// the note line (it is drawn over the rows above it).
    static func drawsOverLastFrame(_ state: AppState, size: Size) -> Bool {
        guard state.dialog == nil, size.width >= minimumSize.width, size.height >= minimumSize.height,
              case .run(let run) = state.screen else { return false }
        return takesPartialFrames(run) && statusOnNoteLine(run, state: state, width: size.width)
    }

    /// Whether the steps of this kind draw what is typed on the note line
    /// only there (the activities' and goals' panels show it too).
    static func takesPartialFrames(_ run: RunState) -> Bool {
        switch run.role {
        case .projector: return false
        case .facilitator, .station: break
        }
        switch run.keyContext {
        case .stationVote, .stationProblem, .stationActivities: return false
        default: break
        }
        switch run.step.kind {
        case .collect, .present, .cluster: return true
        case .vote, .checklist, .rating, .summary, .problem, .activities, .goals, .followUp: return false
        }
    }

    /// The rows in which two frames of the same basis can differ: the
    /// top row, the note line and the key bar.
    public static func noteLineRows(_ size: Size) -> [Int] {
        [0, size.height - 2, size.height - 1]
    }

    /// Draws the `noteLineRows` of `state`'s frame over `grid`, a frame
    /// of a state of the same basis (`sameBasis`); every
    /// other row is left as it is. The grid is then the frame `render`
    /// would draw of `state`.
    public static func redrawChangedRows(_ state: AppState, into grid: inout Grid) {
        guard case .run(let run) = state.screen else { return }
        let h = grid.size.height
        grid.clear(rows: noteLineRows(grid.size))
        grid.cursor = nil
        if case .station = run.role {
            drawStationHeader(&grid, run, state: state)
        } else {
            drawRunHeader(&grid, run, state: state)
        }
        drawInput(&grid, run: run, state: state, y: h - 2)
        drawKeyBar(&grid, context: run.keyContext, texts: state.texts, y: h - 1)
    }
}
