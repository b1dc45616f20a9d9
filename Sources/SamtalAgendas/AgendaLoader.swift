// Reads an agenda file (YAML) into the core's `Agenda`, reporting every
// problem at once as `file:line:column: message`. Never throws, never traps:
// a facilitator's broken file gets messages, not a crash.

import SamtalCore
import Yams

public enum AgendaLoader {
    static let topKeys = ["id", "version", "title", "meeting_type", "source", "group_sources", "purpose", "goals", "quality_criteria",
                          "steps"]
    static let stepKeys = ["id", "title", "kind", "minutes", "prompt", "questions", "talking_points", "settings"]
    static let maxMinutes = 240

    /// Parses and validates agenda text. `file` is used in the messages.
    public static func load(text: String, file: String) -> Result<Agenda, AgendaProblems> {
        var p = Problems(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            p.add(syntax: error)
            return .failure(AgendaProblems(p.list))
        } catch {
            p.add(line: 1, column: 1, "cannot read the file as YAML: \(error)", sv: "filen går inte att läsa som YAML: \(error)")
            return .failure(AgendaProblems(p.list))
        }
        guard let root, let map = root.mapping else {
            p.add(root?.mark, "an agenda must be a mapping with the keys \(topKeys.joined(separator: ", "))",
                  sv: "en dagordning måste bestå av nycklar med värden, nycklarna \(topKeys.joined(separator: ", "))")
            return .failure(AgendaProblems(p.list))
        }
        p.checkKeys(map, allowed: topKeys, what: "agenda")

        let id = p.requiredString(map, "id", in: root) ?? ""
        if !id.isEmpty { p.checkIdentifier(id, at: map["id"]!, what: "agenda id") }
        let title = p.requiredString(map, "title", in: root) ?? ""
        var version = 1
        if let node = map["version"] {
            if let v = p.int(node, "version") {
                if v < 1 { p.add(node.mark, "version must be 1 or more, not \(v)", sv: "'version' måste vara 1 eller mer, inte \(v)") } else { version = v }
            }
        }
        var meetingType = MeetingType.employeeDialogueWhat
        if let raw = p.requiredString(map, "meeting_type", in: root), let node = map["meeting_type"] {
            if let t = MeetingType(rawValue: raw) { meetingType = t } else {
                let known = MeetingType.allCases.map(\.rawValue)
                p.add(node.mark, "unknown meeting_type '\(raw)'" + suggestion(raw, known) + "; one of: " + known.joined(separator: ", "),
                      sv: "okänd meeting_type '\(raw)'" + suggestion(raw, known, .sv) + "; välj en av: " + known.joined(separator: ", "))
            }
        }
        var source = NoteSource.employee
        if let node = map["source"], let raw = p.string(node, "source") {
            if let s = NoteSource(rawValue: raw) { source = s } else {
                let known = NoteSource.allCases.map(\.rawValue)
                p.add(node.mark, "unknown source '\(raw)'" + suggestion(raw, known) + "; one of: " + known.joined(separator: ", "),
                      sv: "okänd source '\(raw)'" + suggestion(raw, known, .sv) + "; välj en av: " + known.joined(separator: ", "))
            }
        }
        // group_sources: {1: police, 2: municipality}
        var groupSources: [Int: NoteSource] = [:]
        if let node = map["group_sources"] {
            if let pairs = node.mapping {
                for (key, value) in pairs {
                    let group = key.scalar.flatMap { Int($0.string) }
                    let raw = value.scalar?.string ?? ""
                    guard let group, group >= 1 else {
                        p.add(key.mark, "group_sources: '\(key.scalar?.string ?? "")' is not a group number (1, 2, …)",
                              sv: "group_sources: '\(key.scalar?.string ?? "")' är inte ett gruppnummer (1, 2, …)")
                        continue
                    }
                    guard let s = NoteSource(rawValue: raw) else {
                        let known = NoteSource.allCases.map(\.rawValue)
                        p.add(value.mark, "group_sources: unknown source '\(raw)'" + suggestion(raw, known) + "; one of: " + known.joined(separator: ", "),
                              sv: "group_sources: okänd source '\(raw)'" + suggestion(raw, known, .sv) + "; välj en av: " + known.joined(separator: ", "))
                        continue
                    }
                    groupSources[group] = s
                }
            } else {
                p.add(node.mark, "'group_sources' must map group numbers to sources, e.g. {1: police, 2: municipality}",
                      sv: "'group_sources' måste ge gruppnummer en källa var, t.ex. {1: police, 2: municipality}")
            }
        }
        let purpose = map["purpose"].flatMap { p.string($0, "purpose") } ?? ""
        let goals = map["goals"].map { p.strings($0, "goals") } ?? []
        let criteria = map["quality_criteria"].map { p.strings($0, "quality_criteria") } ?? []

        var steps: [AgendaStep] = []
        let noSteps = "dagordningen har inga steg: lägg till minst ett under 'steps'"
        if let node = map["steps"] {
            if let seq = node.sequence {
                if seq.isEmpty { p.add(node.mark, "the agenda has no steps: add at least one under 'steps'", sv: noSteps) }
                var seen: [String: Int] = [:]
                for item in seq {
                    if let idNode = item.mapping?["id"], let stepID = idNode.scalar?.string, !stepID.isEmpty {
                        if let line = seen[stepID] {
                            p.add(idNode.mark, "duplicate step id '\(stepID)' (first used on line \(line))",
                                  sv: "stegets id '\(stepID)' används redan (först på rad \(line))")
                        } else {
                            seen[stepID] = idNode.mark?.line ?? 0
                        }
                    }
                    if let step = p.step(item) { steps.append(step) }
                }
            } else if node.scalar?.string.isEmpty == true && node.tag.description.hasSuffix("null") {
                p.add(node.mark, "the agenda has no steps: add at least one under 'steps'", sv: noSteps)
            } else {
                p.add(node.mark, "'steps' must be a list of steps", sv: "'steps' måste vara en lista med steg")
            }
        } else {
            p.add(root.mark, "missing 'steps': the agenda has no steps", sv: "saknar 'steps': dagordningen har inga steg")
        }
        if !p.list.isEmpty { return .failure(AgendaProblems(p.list)) }
        var agenda = Agenda(id: id, version: version, title: title, meetingType: meetingType, source: source,
                            purpose: purpose, goals: goals, qualityCriteria: criteria, steps: steps)
        agenda.groupSources = groupSources
        return .success(agenda)
    }
}

/// Collects problems while walking the document.
struct Problems {
    let file: String
    var list: [AgendaProblem] = []

    /// A problem in English (`message`) and in Swedish (`sv`).
    mutating func add(line: Int, column: Int, _ message: String, sv: String) {
        list.append(AgendaProblem(file: file, line: line, column: column, message: Problems.printable(message),
                                  swedish: Problems.printable(sv)))
    }

    /// A message safe to print: control characters shown as \u{…} (an
    /// agenda's text must not drive the terminal) and at most 300
    /// characters (a message may quote a huge value).
    static func printable(_ message: String) -> String {
        var out = ""
        for u in message.unicodeScalars {
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
            if out.count > 300 { return String(out.prefix(299)) + "…" }
        }
        return out
    }

    mutating func add(_ mark: Mark?, _ message: String, sv: String) {
        add(line: mark?.line ?? 1, column: mark?.column ?? 1, message, sv: sv)
    }

    /// What a part of the agenda is called in Swedish messages.
    static func swedish(_ what: String) -> String {
        ["agenda": "dagordningen", "step": "steget", "agenda id": "dagordningens id", "step id": "stegets id"][what] ?? what
    }

    mutating func add(syntax error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context {
                // Point at where the broken construct began, e.g. the
                // opening quote of a string that never ends.
                add(context.mark, "YAML syntax error: \(problem) \(context.text) that starts here (noticed at line \(mark.line), column \(mark.column))",
                    sv: "YAML-syntaxfel som börjar här (märktes på rad \(mark.line), kolumn \(mark.column)): \(problem) \(context.text)")
            } else {
                add(mark, "YAML syntax error: \(problem)", sv: "YAML-syntaxfel: \(problem)")
            }
        case .reader(let problem, _, _, _):
            add(line: 1, column: 1, "cannot read the file: \(problem) (is it UTF-8 text?)",
                sv: "filen går inte att läsa: \(problem) (är den text i UTF-8?)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            add(context.mark, "duplicate key: \(duplicates.joined(separator: ", "))",
                sv: "samma nyckel mer än en gång: \(duplicates.joined(separator: ", "))")
        default:
            add(line: 1, column: 1, "YAML error: \(error)", sv: "YAML-fel: \(error)")
        }
    }

    mutating func checkKeys(_ map: Node.Mapping, allowed: [String], what: String) {
        for key in map.keys {
            guard let name = key.scalar?.string else {
                add(key.mark, "\(what) keys must be plain words", sv: "nycklarna i \(Problems.swedish(what)) måste vara vanliga ord")
                continue
            }
            if !allowed.contains(name) {
                add(key.mark, "unknown \(what) key '\(name)'" + suggestion(name, allowed),
                    sv: "okänd nyckel '\(name)' i \(Problems.swedish(what))" + suggestion(name, allowed, .sv))
            }
        }
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        if let s = node.scalar {
            return s.string
        }
        add(node.mark, "'\(key)' must be text", sv: "'\(key)' måste vara text")
        return nil
    }

    mutating func requiredString(_ map: Node.Mapping, _ key: String, in parent: Node, what: String = "agenda") -> String? {
        guard let node = map[key] else {
            add(parent.mark, "missing '\(key)' in the \(what)", sv: "'\(key)' saknas i \(Problems.swedish(what))")
            return nil
        }
        guard let s = string(node, key) else { return nil }
        if s.trimmingCharacters(in: .whitespaces).isEmpty {
            add(node.mark, "'\(key)' must not be empty", sv: "'\(key)' får inte vara tom")
            return nil
        }
        return s
    }

    mutating func int(_ node: Node, _ key: String) -> Int? {
        guard let s = node.scalar?.string, let v = Int(s.trimmingCharacters(in: .whitespaces)) else {
            add(node.mark, "'\(key)' must be a whole number", sv: "'\(key)' måste vara ett heltal")
            return nil
        }
        return v
    }

    /// A list of texts; a single text is taken as a list of one.
    mutating func strings(_ node: Node, _ key: String) -> [String] {
        if let s = node.scalar { return s.string.isEmpty ? [] : [s.string] }
        guard let seq = node.sequence else {
            add(node.mark, "'\(key)' must be a list of texts", sv: "'\(key)' måste vara en lista med texter")
            return []
        }
        var out: [String] = []
        for item in seq {
            if let s = item.scalar { out.append(s.string) } else { add(item.mark, "each item of '\(key)' must be text", sv: "varje punkt under '\(key)' måste vara text") }
        }
        return out
    }

    mutating func checkIdentifier(_ id: String, at node: Node, what: String) {
        let ok = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !ok || id.count > 64 {
            add(node.mark, "\(what) '\(id)' may use only a-z, 0-9, '-' and '_' (at most 64 characters)",
                sv: "\(Problems.swedish(what)) '\(id)' får bara innehålla a-z, 0-9, '-' och '_' (högst 64 tecken)")
        }
    }

    mutating func step(_ node: Node) -> AgendaStep? {
        guard let map = node.mapping else {
            add(node.mark, "each step must be a mapping with at least id, title, kind and minutes",
                sv: "varje steg måste bestå av nycklar med värden, minst id, title, kind och minutes")
            return nil
        }
        let before = list.count
        checkKeys(map, allowed: AgendaLoader.stepKeys, what: "step")
        let id = requiredString(map, "id", in: node, what: "step") ?? ""
        if !id.isEmpty { checkIdentifier(id, at: map["id"]!, what: "step id") }
        let title = requiredString(map, "title", in: node, what: "step") ?? ""
        var kind = StepKind.present
        if let raw = requiredString(map, "kind", in: node, what: "step") {
            if let k = StepKind(rawValue: raw) { kind = k } else {
                let known = StepKind.allCases.map(\.rawValue)
                add(map["kind"]!.mark, "unknown step kind '\(raw)'" + suggestion(raw, known) + "; one of: " + known.joined(separator: ", "),
                    sv: "okänd kind '\(raw)' för steget" + suggestion(raw, known, .sv) + "; välj en av: " + known.joined(separator: ", "))
            }
        }
        var minutes = 0
        if let m = map["minutes"] {
            if let v = int(m, "minutes") {
                if v < 1 || v > AgendaLoader.maxMinutes {
                    add(m.mark, "minutes must be between 1 and \(AgendaLoader.maxMinutes), not \(v)",
                        sv: "'minutes' måste vara ett heltal från 1 till \(AgendaLoader.maxMinutes), inte \(v)")
                } else {
                    minutes = v
                }
            }
        } else {
            add(node.mark, "missing 'minutes' in step '\(id)': how long is it planned to take?",
                sv: "'minutes' saknas i steget '\(id)': hur många minuter är steget tänkt att ta?")
        }
        let prompt = map["prompt"].flatMap { string($0, "prompt") } ?? ""
        let questions = map["questions"].map { strings($0, "questions") } ?? []
        let talkingPoints = map["talking_points"].map { strings($0, "talking_points") } ?? []
        var settings: [String: String] = [:]
        if let s = map["settings"] {
            if let sm = s.mapping {
                for (k, v) in sm {
                    guard let name = k.scalar?.string, let value = v.scalar?.string else {
                        add(k.mark, "settings must be simple 'name: value' pairs", sv: "'settings' måste vara enkla par 'namn: värde'")
                        continue
                    }
                    settings[name] = value
                }
            } else if s.scalar?.string.isEmpty != true {
                add(s.mark, "'settings' must be a mapping of name: value", sv: "'settings' måste vara par av namn: värde")
            }
        }
        checkSettings(kind: kind, settings: settings, stepNode: node, settingsNode: map["settings"])
        guard list.count == before else { return nil }
        return AgendaStep(id: id, title: title, kind: kind, minutes: minutes, prompt: prompt, questions: questions,
                          talkingPoints: talkingPoints, settings: settings)
    }

    /// The settings each kind understands.
    static func allowedSettings(_ kind: StepKind) -> [String] {
        switch kind {
        case .vote: return ["dots", "per", "on"]
        case .rating: return ["scale"]
        case .cluster: return ["notes_from"]
        case .present, .collect: return ["show", "note_type"]
        case .activities: return ["activities_from"]
        case .problem: return ["start"]
        case .goals, .followUp, .checklist, .summary: return []
        }
    }

    /// Kind-specific settings: a vote needs its dots, a rating its scale.
    mutating func checkSettings(kind: StepKind, settings: [String: String], stepNode: Node, settingsNode: Node?) {
        let mark = settingsNode?.mark ?? stepNode.mark
        let allowed = Problems.allowedSettings(kind)
        if let map = settingsNode?.mapping {
            for key in map.keys {
                guard let name = key.scalar?.string, !allowed.contains(name) else { continue }
                let known = allowed.isEmpty ? "; a \(kind.rawValue) step has no settings"
                    : "; a \(kind.rawValue) step knows: " + allowed.joined(separator: ", ")
                let svKnown = allowed.isEmpty ? "; ett steg med kind \(kind.rawValue) har inga inställningar"
                    : "; ett steg med kind \(kind.rawValue) känner till: " + allowed.joined(separator: ", ")
                add(key.mark, "unknown setting '\(name)'" + suggestion(name, allowed) + known,
                    sv: "okänd inställning '\(name)'" + suggestion(name, allowed, .sv) + svKnown)
            }
        }
        if let on = settings["on"], on != "focus-areas", on != "activities" {
            add(mark, "on must be 'focus-areas' or 'activities' (what the dots go on), not '\(on)'",
                sv: "'on' måste vara 'focus-areas' eller 'activities' (det prickarna sätts på), inte '\(on)'")
        }
        if let from = settings["activities_from"], from != "step", from != "cycle" {
            add(mark, "activities_from must be 'step' (this step's own) or 'cycle' (every meeting's of the cycle), not '\(from)'",
                sv: "'activities_from' måste vara 'step' (stegets egna) eller 'cycle' (alla cykelns mötens), inte '\(from)'")
        }
        if let from = settings["notes_from"], from != "steps", from != "cycle" {
            add(mark, "notes_from must be 'steps' (the earlier steps of this meeting) or 'cycle' (every meeting of the cycle), not '\(from)'",
                sv: "'notes_from' måste vara 'steps' (mötets tidigare steg) eller 'cycle' (alla möten i cykeln), inte '\(from)'")
        }
        if let type = settings["note_type"], NoteType(rawValue: type) == nil {
            let known = NoteType.allCases.map(\.rawValue).joined(separator: ", ")
            add(mark, "note_type must be one of: " + known + ", not '\(type)'",
                sv: "'note_type' måste vara en av: " + known + ", inte '\(type)'")
        }
        if let start = settings["start"], start != "description", start != "causes" {
            add(mark, "start must be 'description' (the first question) or 'causes' (the next why of the chain), not '\(start)'",
                sv: "'start' måste vara 'description' (första frågan) eller 'causes' (nästa varför i kedjan), inte '\(start)'")
        }
        if let show = settings["show"], show != "focus-areas", show != "commitments" {
            add(mark, "show must be 'focus-areas' (the cycle's focus areas and their ranking) or 'commitments' "
                + "(the activities and goals to follow up), not '\(show)'",
                sv: "'show' måste vara 'focus-areas' (cykelns fokusområden och deras rangordning) eller 'commitments' "
                + "(aktiviteterna och målen att följa upp), inte '\(show)'")
        }
        switch kind {
        case .vote:
            guard let raw = settings["dots"] else {
                add(mark, "a vote step needs 'settings: dots: N' (how many dots each participant or group gets)",
                    sv: "ett steg med kind vote behöver 'settings: dots: N' (hur många prickar varje deltagare eller grupp får)")
                return
            }
            if let n = Int(raw), (1...20).contains(n) {} else {
                add(mark, "dots must be a whole number from 1 to 20, not '\(raw)'", sv: "'dots' måste vara ett heltal från 1 till 20, inte '\(raw)'")
            }
            if let per = settings["per"], per != "participant", per != "group" {
                add(mark, "per must be 'participant' or 'group', not '\(per)'", sv: "'per' måste vara 'participant' eller 'group', inte '\(per)'")
            }
        case .rating:
            guard let scale = settings["scale"] else {
                add(mark, "a rating step needs 'settings: scale: impact-1-5' or 'scale: traffic-light'",
                    sv: "ett steg med kind rating behöver 'settings: scale: impact-1-5' eller 'scale: traffic-light'")
                return
            }
            if scale != "impact-1-5" && scale != "traffic-light" {
                add(mark, "unknown scale '\(scale)'" + suggestion(scale, ["impact-1-5", "traffic-light"]) + "; one of: impact-1-5, traffic-light",
                    sv: "okänd scale '\(scale)'" + suggestion(scale, ["impact-1-5", "traffic-light"], .sv) + "; välj en av: impact-1-5, traffic-light")
            }
        default:
            break
        }
    }
}

/// " (did you mean 'x'?)" (" (menade du 'x'?)" in Swedish) when a known
/// word is close to the given one.
func suggestion(_ word: String, _ known: [String], _ language: Language = .en) -> String {
    let best = known.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, word.count / 3) else { return "" }
    return language == .sv ? " (menade du '\(best.0)'?)" : " (did you mean '\(best.0)'?)"
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
