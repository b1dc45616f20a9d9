// The interactive starts read without swift-argument-parser (issue 15).
//
// Parsing `samtal --store S run 1000` with swift-argument-parser cost
// about 19 M instructions (callgrind, release build, Swift 6.3.1): it
// reflects over the command tree (Mirror, dynamic casts), and reflects
// over the completion-script command too, for every start (of about
// 175 M to a Ctrl-C after the first frame). So the command lines of the
// five interactive commands — `samtal`, `samtal run ID`, `samtal present
// ID [--theme T]`, `samtal capture ID --group N [--name S]`, `samtal cycle
// [open] ID` (the workspace: 16.7 M instructions through
// swift-argument-parser, which reflected over a tree one level deeper), with the
// global options `--store`, `--lang` and `--agendas` anywhere and a
// command's own options after its name, each as two words — are read
// here; anything else (a help or version flag, a command's option before
// its name, `--option=value`, an option given twice where it takes one
// value, a value that looks like an option, an unknown word, an id or a
// language that does not read, a SAMTAL_LANG that `validate` refuses) is
// left to swift-argument-parser, which says what is wrong as before. The command
// made here is the one swift-argument-parser would make: the same
// properties, set through the same property wrappers.

import ArgumentParser
import SamtalCore

enum FastStart {
    /// The command for `arguments` (without the program's name), or nil
    /// when swift-argument-parser is to read them.
    static func command(_ arguments: ArraySlice<String>) -> (any ParsableCommand)? {
        var store: String?
        var lang: Language?
        var agendas: [String] = []
        var theme: ProjectorTheme?
        var group: Int?
        var name: String?
        var words: [String] = []
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let word = arguments[i]
            guard word.hasPrefix("-") else {
                words.append(word)
                i += 1
                continue
            }
            guard i + 1 < arguments.endIndex else { return nil }
            let value = arguments[i + 1]
            guard !value.hasPrefix("-") else { return nil }
            // swift-argument-parser finds the command only at the first
            // word its root does not take: a command's own option before
            // the command's name (`samtal --theme mono present 7`) is a
            // usage error there, so it is left to it here too.
            let global = word == "--store" || word == "--lang" || word == "--agendas"
            guard global || !words.isEmpty else { return nil }
            switch word {
            case "--store" where store == nil: store = value
            case "--lang" where lang == nil:
                guard let l = Language(rawValue: value) else { return nil }
                lang = l
            case "--agendas": agendas.append(value)
            case "--theme" where theme == nil:
                guard let t = ProjectorTheme(rawValue: value) else { return nil }
                theme = t
            case "--group" where group == nil:
                guard let g = Int(value) else { return nil }
                group = g
            case "--name" where name == nil: name = value
            default: return nil
            }
            i += 2
        }

        var options = GlobalOptions()
        options.store = store
        options.lang = lang
        options.agendas = agendas
        guard (try? options.validate()) != nil else { return nil }
        let meeting = words.count == 2 ? try? meetingArgument(words[1]) : nil

        switch (words.first, theme, group, name) {
        case (nil, nil, nil, nil):
            var command = Samtal()
            command.options = options
            return command
        case ("run", nil, nil, nil):
            guard let meeting else { return nil }
            var command = RunMeeting()
            command.options = options
            command.meeting = meeting
            return command
        case ("present", _, nil, nil):
            guard let meeting else { return nil }
            var command = Present()
            command.options = options
            command.meeting = meeting
            command.theme = theme ?? .color
            return command
        case ("cycle", nil, nil, nil):
            // `cycle ID` or `cycle open ID`: the workspace (`open` is the
            // default subcommand); `cycle new` and `cycle list` are left
            // to swift-argument-parser (their words are no cycle's id).
            let id = words.count == 2 ? words[1] : words.count == 3 && words[1] == "open" ? words[2] : nil
            guard let id, let cycle = try? cycleArgument(id) else { return nil }
            var command = CycleCommand.Open()
            command.options = options
            command.cycle = cycle
            return command
        case ("capture", nil, let group?, _):
            guard let meeting else { return nil }
            var command = Capture()
            command.options = options
            command.meeting = meeting
            command.group = group
            command.name = name ?? ""
            return command
        default:
            return nil
        }
    }
}
