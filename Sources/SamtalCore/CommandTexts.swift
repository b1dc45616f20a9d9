// The command line's own messages (its errors, warnings and the lines it
// prints besides the records), in the interface's language: Swedish by
// default, English with `--lang en` or SAMTAL_LANG=en. The help text
// (`--help`) follows the same language, chosen beside each option in
// Sources/samtal (`h(sv, en)`); the man page is English (see the README).

/// One message of the command line.
public enum CommandMessage: Equatable, Sendable {
    // wrong command lines (exit 64)
    case mustNotBeEmpty(option: String)
    case period(PeriodProblem)
    /// A meeting's date that is not one (YYYY-MM-DD, a day that exists).
    case meetingDate(String)
    case groupsRange
    case textOrStdin
    case groupNotNegative
    case groupRange(max: Int, meeting: Int64)
    case recordsNotDocument(format: String)
    case csvNeedsFolder
    case notAnID
    case id(IDError)
    case badLanguageVariable(String)
    /// A command that needs a store's records, at a path with none.
    case noStore(path: String)
    /// The store was upgraded by this build; `copy` is the store as it was.
    case storeUpgraded(copy: String)
    case shortenForm
    case documentAboutCycle(document: String, target: String)
    case documentAboutMeeting(document: String, target: String)
    // failed operations (exit 1)
    case noMeeting(Int64, store: String?)
    case noCycle(Int64, store: String?)
    case noAgenda(id: String, found: [String])
    case noStep(id: String, steps: [String])
    case noAgendasFound(folders: [String])
    case notInFeedback(note: Int64, meeting: Int64)
    case notReviewed(count: Int, meeting: Int64)
    case binaryToTerminal(name: String)
    case converterMissing(what: String, tool: String, package: String)
    case converterFailed(tool: String, status: Int32, detail: String)
    case converterWroteNothing(tool: String, what: String)
    case cycleOfMeetingMissing(Int64)
    case agendaUnreadable(agenda: String, meeting: Int64)
    case snapshotUnreadable(meeting: Int64, detail: String)
    // warnings
    case warning(String)
    case notUTF8(line: Int, text: String)
    case argumentNotUTF8(option: String, text: String)
    case namesAPerson(note: Int64)
    case stillPersonalData(note: Int64)
    case personalData(count: Int, how: PersonalDataHandling)
    case personalDataNote(note: Int64, step: String, group: String, kinds: String)
    case hiddenLeftOut(Int)
    case excludedLeftOut(Int)
    case identifyingNotReviewed(count: Int, meetings: [Int64])
    case activityNotInPromise(id: Int64, what: String, reason: String)
    case activityOutsidePeriod(id: Int64, what: String, dates: String, period: String)
    case promiseRedaction(section: String, kind: String)
    case chartsSVGOnly
    case periodNotDates(String)
    // success
    case agendaOK(file: String, steps: Int, minutes: Int)
    // the region (`samtal publish`, `samtal region`): wrong command lines
    case regionServerMissing(option: String)
    case dryRunOrVerify
    case periodMonth(String)
    case roleName(String)
    case yesOrNo(option: String)
    case regionReportFormats
    // the region: what samtal says of the server (`RegionError`); the
    // server's or libpq's own words follow as the detail
    case regionOutOfMemory
    case regionCannotConnect(url: String, detail: String)
    case regionNoPassword(url: String, detail: String)
    case regionConnectionLost(detail: String)
    case regionRefused(detail: String)
    case regionRoleNotMunicipality(role: String)
    case regionStoreClaimed(store: String, role: String)
    case regionNameTaken(name: String)
    case regionNoSchema
    case regionRoleMayNotUse(role: String)
    case regionSchemaNotSetUp
    case regionSchemaNewer(version: Int, known: Int)
    case regionSchemaOlder(version: Int, known: Int)
    case regionNoMunicipality
    // the region: what went well
    case regionHoldsSame(rows: Int)
    case regionDiffers(differences: [String])
    case regionDifference(table: String, new: Int, changed: Int, gone: Int)
    case regionNameDiffers(held: String, store: String)
    case regionNothingHeld
    case regionURLRemembered(url: String)
    /// `samtal publish`: the rows sent, and per table those changed and
    /// removed ("cycles 1"); `changes` counts every change.
    case published(rows: Int, municipality: String, store: String, changes: Int, changed: [String], removed: [String], tls: Bool)
    case regionSetUp(version: Int, applied: [Int], roles: [String])
}

/// What an export did with what looks like personal data.
public enum PersonalDataHandling: Equatable, Sendable {
    /// The situation picture, redacted by default.
    case redactedByDefault
    case redacted
    /// A public document leaves the note out.
    case leftOut
    /// Printed: `--redact` would replace it.
    case printed
}

extension Texts {
    /// Why an activity is not in the promise (`Documents.activitiesLeftOutOfPromise`).
    public func leftOutReason(_ reason: String) -> String {
        guard language == .sv else { return reason }
        switch reason {
        case "no focus area": return "inget fokusområde"
        case "not named in the promise's own text": return "nämns inte i löftets egen text"
        case "may hold personal data": return "kan innehålla personuppgifter"
        default: return reason
        }
    }

    /// A command line message in this language.
    public func command(_ m: CommandMessage) -> String {
        let sv = language == .sv
        switch m {
        case .mustNotBeEmpty(let option):
            return sv ? "\(option) får inte vara tom" : "\(option) must not be empty"
        case .period(let problem):
            return "--period: " + periodProblem(problem)
        case .meetingDate(let date):
            return "--date: " + periodProblem(.notADate(date))
        case .groupsRange:
            return sv ? "--groups måste vara mellan 1 och 20" : "--groups must be between 1 and 20"
        case .textOrStdin:
            return sv ? "ge antingen --text eller --stdin" : "give either --text or --stdin"
        case .groupNotNegative:
            return sv ? "--group måste vara 0 (helgrupp) eller mer" : "--group must be 0 (plenary) or more"
        case .groupRange(let max, let meeting):
            return sv ? "--group måste vara mellan 1 och \(max) (eller 0 för helgruppen) i möte \(meeting)"
                : "--group must be between 1 and \(max) (or 0 for the plenary) for meeting \(meeting)"
        case .recordsNotDocument(let format):
            return sv ? "--format \(format) skriver posterna, inte ett dokument: ta bort --document"
                : "--format \(format) writes the records, not a document: leave out --document"
        case .csvNeedsFolder:
            return sv ? "--format csv skriver en fil per posttyp: ge --output MAPP"
                : "--format csv writes one file per record type: give --output DIR"
        case .notAnID:
            return sv ? "inte ett id: ett mötes id är ett tal som 7, en cykels skrivs c3"
                : "not an id: a meeting's id is a plain number such as 7, a cycle's is written c3"
        case .id(let e):
            let shown = e.argument.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? (sv ? "värdet" : "the value") : "'\(e.argument)'"
            let wanted = e.expected == .meeting
                ? (sv ? "ett mötes id är ett tal som 7 (se `samtal meeting list`)" : "a meeting's id is a plain number such as 7 (see `samtal meeting list`)")
                : (sv ? "en cykels id skrivs c3 (se `samtal cycle list`)" : "a cycle's id is written c3 (see `samtal cycle list`)")
            switch e.found {
            case .meeting: return sv ? "\(shown) är ett mötes id, inte en cykels: \(wanted)" : "\(shown) is a meeting's id, not a cycle's: \(wanted)"
            case .cycle: return sv ? "\(shown) är en cykels id, inte ett mötes: \(wanted)" : "\(shown) is a cycle's id, not a meeting's: \(wanted)"
            case nil: return sv ? "\(shown) är inte ett id: \(wanted)" : "\(shown) is not an id: \(wanted)"
            }
        case .noStore(let path):
            return sv ? "Det finns inget lager i \(path). Stämmer sökvägen (--store, SAMTAL_STORE)? Ett nytt lager görs av `samtal` eller `samtal cycle new`."
                : "There is no store at \(path). Is the path right (--store, SAMTAL_STORE)? A new store is made by `samtal` or `samtal cycle new`."
        case .storeUpgraded(let copy):
            return sv ? "Lagret uppgraderades till den här versionen av samtal; en kopia av det som det var finns i \(copy)"
                : "The store was upgraded to this version of samtal; a copy of it as it was is at \(copy)"
        case .badLanguageVariable(let value):
            return sv ? "SAMTAL_LANG måste vara sv eller en, inte '\(value)'" : "SAMTAL_LANG must be sv or en, not '\(value)'"
        case .shortenForm:
            return sv ? "--shorten tar ID=TEXT, till exempel --shorten '12=Buskörning på Storgatan'"
                : "--shorten takes ID=TEXT, e.g. --shorten '12=Buskörning på Storgatan'"
        case .documentAboutCycle(let document, let target):
            return sv ? "dokumentet \(document) handlar om en cykel, och \(target) är ett mötes id: skriv cykeln som c3 eller cycle:3 (se `samtal cycle list`)"
                : "the \(document) document is about a cycle, and \(target) is a meeting's id: write the cycle as c3 or cycle:3 (see `samtal cycle list`)"
        case .documentAboutMeeting(let document, let target):
            return sv ? "dokumentet \(document) handlar om ett möte, och \(target) är en cykels id: ge mötets id (se `samtal meeting list --cycle`)"
                : "the \(document) document is about one meeting, and \(target) is a cycle's id: give the meeting's id (see `samtal meeting list --cycle`)"
        case .noMeeting(let id, let store):
            return sv ? "inget möte med id \(id)\(store.map { " i \($0)" } ?? "") (se `samtal meeting list`)"
                : "no meeting with id \(id)\(store.map { " in \($0)" } ?? "") (see `samtal meeting list`)"
        case .noCycle(let id, let store):
            return sv ? "ingen cykel med id c\(id)\(store.map { " i \($0)" } ?? "") (se `samtal cycle list`)"
                : "no cycle with id c\(id)\(store.map { " in \($0)" } ?? "") (see `samtal cycle list`)"
        case .noAgenda(let id, let found):
            let list = found.isEmpty ? (sv ? "inga" : "none") : found.joined(separator: ", ")
            return sv ? "ingen dagordning med id '\(id)'; hittade: \(list)" : "no agenda with id '\(id)'; found: \(list)"
        case .noStep(let id, let steps):
            return sv ? "inget steg '\(id)' i mötets dagordning; stegen: \(steps.joined(separator: ", "))"
                : "no step '\(id)' in the meeting's agenda; steps: \(steps.joined(separator: ", "))"
        case .noAgendasFound(let folders):
            return sv ? "inga dagordningar hittades i: \(folders.joined(separator: ", "))" : "no agendas found in: \(folders.joined(separator: ", "))"
        case .notInFeedback(let note, let meeting):
            return sv ? "anteckning \(note) är inte en av dem som återkopplingen från möte \(meeting) skulle skriva ut (se `samtal review \(meeting)`)"
                : "note \(note) is not one the feedback of meeting \(meeting) would print (see `samtal review \(meeting)`)"
        case .notReviewed(let count, let meeting):
            return sv ? "\(count) anteckning(ar) i möte \(meeting) är inte granskade för den offentliga återkopplingen: "
                + "`samtal review \(meeting)` listar dem; uteslut eller korta det som inte får publiceras, sedan `samtal review \(meeting) --publish-rest`"
                : "\(count) note(s) of meeting \(meeting) have not been reviewed for the public feedback: "
                + "`samtal review \(meeting)` lists them; exclude or shorten what must not be published, then `samtal review \(meeting) --publish-rest`"
        case .binaryToTerminal(let name):
            return sv ? "\(name) är en binär fil: ge --output FIL" : "\(name) is a binary file: give --output FILE"
        case .converterMissing(let what, let tool, let package):
            return sv ? "\(what) behöver \(tool), som inte är installerat: apt-get install \(package) (eller Scripts/install-packages \(package))"
                : "\(what) needs \(tool), which is not installed: apt-get install \(package) (or Scripts/install-packages \(package))"
        case .converterFailed(let tool, let status, let detail):
            return (sv ? "\(tool) misslyckades (slutkod \(status))" : "\(tool) failed (exit \(status))") + (detail.isEmpty ? "" : ": \(detail)")
        case .converterWroteNothing(let tool, let what):
            return sv ? "\(tool) skrev ingen \(what)" : "\(tool) wrote no \(what)"
        case .cycleOfMeetingMissing(let id):
            return sv ? "cykeln för möte \(id) saknas" : "the cycle of meeting \(id) is missing"
        case .agendaUnreadable(let agenda, let meeting):
            return sv ? "dagordningen '\(agenda)' för möte \(meeting) kan inte läsas" : "the agenda '\(agenda)' of meeting \(meeting) cannot be read"
        case .snapshotUnreadable(let meeting, let detail):
            return sv ? "ögonblicksbilden av det avslutade mötet \(meeting) kan inte läsas: \(detail)"
                : "the snapshot of finished meeting \(meeting) cannot be read: \(detail)"
        case .warning(let text):
            return (sv ? "varning: " : "warning: ") + text
        case .notUTF8(let line, let text):
            return sv ? "rad \(line) var inte UTF-8 och lästes som Latin-1: ”\(text)”" : "line \(line) was not UTF-8 and was read as Latin-1: “\(text)”"
        case .argumentNotUTF8(let option, let text):
            return sv ? "\(option) var inte UTF-8 och lästes som Latin-1: ”\(text)”" : "\(option) was not UTF-8 and was read as Latin-1: “\(text)”"
        case .namesAPerson(let note):
            return sv ? "anteckning \(note) verkar nämna en person bredvid en adress eller en ålder: bestäm den med --include, --exclude eller --shorten"
                : "note \(note) seems to name a person next to an address or an age: decide it with --include, --exclude or --shorten"
        case .stillPersonalData(let note):
            return sv ? "anteckning \(note) innehåller fortfarande något som ser ut som personuppgifter: den publiceras inte"
                : "note \(note) still holds what looks like personal data: it will not be published"
        case .personalData(let count, let how):
            let what: String
            switch how {
            case .redactedByDefault: what = sv ? " (ersatt i den här exporten; --keep-personal-data behåller det)" : " (redacted in this export; --keep-personal-data keeps it)"
            case .redacted: what = sv ? " (ersatt i den här exporten)" : " (redacted in this export)"
            case .leftOut: what = sv ? " (utelämnad ur det här offentliga dokumentet)" : " (left out of this public document)"
            case .printed: what = sv ? "; --redact ersätter det" : "; --redact replaces it"
            }
            return sv ? "\(count) anteckning(ar) kan innehålla personuppgifter\(what):" : "\(count) note(s) may hold personal data\(what):"
        case .personalDataNote(let note, let step, let group, let kinds):
            return sv ? "  anteckning \(note) (\(step), \(group)): \(kinds)" : "  note \(note) (\(step), \(group)): \(kinds)"
        case .hiddenLeftOut(let count):
            return sv ? "\(count) dold(a) anteckning(ar) utelämnade; --include-hidden tar med dem" : "\(count) hidden note(s) left out; --include-hidden puts them in"
        case .excludedLeftOut(let count):
            return sv ? "\(count) anteckning(ar) som granskningen uteslöt utelämnade; --keep-personal-data tar med dem"
                : "\(count) note(s) the review excluded left out; --keep-personal-data puts them in"
        case .identifyingNotReviewed(let count, let meetings):
            let review = meetings.map { "samtal review \($0)" }.joined(separator: ", ")
            return sv ? "\(count) anteckning(ar) kan nämna en person med adress eller ålder och står i lägesbilden som de skrevs; granska dem: \(review)"
                : "\(count) note(s) may name a person with an address or an age and stand in the situation picture as written; review them: \(review)"
        case .activityNotInPromise(let id, let what, let reason):
            return sv ? "aktivitet \(id) ”\(what)” finns inte i löftet: \(reason)" : "activity \(id) \"\(what)\" is not in the promise: \(reason)"
        case .activityOutsidePeriod(let id, let what, let dates, let period):
            return sv ? "aktivitet \(id) ”\(what)” står i löftet med \(dates), utanför löftesperioden \(period); ändra datumen eller skriv i löftet varför"
                : "activity \(id) \"\(what)\" stands in the promise with \(dates), outside the promise period \(period); change the dates or say why in the promise"
        case .promiseRedaction(let section, let kind):
            return sv ? "löftets avsnitt ”\(section)”: \(kind) ersatt med en markering; ta bort det, eller skriv offentliga kontaktuppgifter i kontaktavsnittet"
                : "the promise's section \"\(section)\": \(kind) replaced by a marker; remove it, or write public contact details in the contact section"
        case .chartsSVGOnly:
            return sv ? "diagrammen är bara SVG, som Word före 2016 inte visar: apt-get install librsvg2-bin (eller Scripts/install-packages librsvg2-bin) ritar dem som PNG"
                : "the charts are SVG only, which Word before 2016 does not show: apt-get install librsvg2-bin "
                + "(or Scripts/install-packages librsvg2-bin) draws them as PNG"
        case .periodNotDates(let period):
            return sv ? "perioden \"\(period)\" kan inte läsas som datum: målens tidsgränser kontrolleras inte mot den, och regionens rapport vet inte vilka månader den gäller (skriv t.ex. 2027, 2027 Q1, 2026–2027, hösten 2026 eller 2026-09-01 – 2027-08-31)"
                : "the period \"\(period)\" cannot be read as dates: goals' deadlines are not checked against it, and the region's report does not know which months it covers (write e.g. 2027, 2027 Q1, 2026–2027, hösten 2026 or 2026-09-01 – 2027-08-31)"
        case .agendaOK(let file, let steps, let minutes):
            return sv ? "\(file): ok (\(steps) steg, \(minutes) min)" : "\(file): ok (\(steps) steps, \(minutes) min)"
        case .regionServerMissing, .dryRunOrVerify, .periodMonth, .roleName, .yesOrNo, .regionReportFormats, .regionOutOfMemory,
             .regionCannotConnect, .regionNoPassword, .regionConnectionLost, .regionRefused, .regionRoleNotMunicipality, .regionStoreClaimed, .regionNameTaken,
             .regionNoSchema, .regionRoleMayNotUse, .regionSchemaNotSetUp, .regionSchemaNewer, .regionSchemaOlder,
             .regionNoMunicipality, .regionHoldsSame, .regionDiffers, .regionDifference, .regionNameDiffers, .regionNothingHeld, .regionURLRemembered, .published, .regionSetUp:
            return region(m)
        }
    }

    /// The region's messages (`command` for the cases of the region).
    func region(_ m: CommandMessage) -> String {
        let sv = language == .sv
        switch m {
        case .regionServerMissing(let option):
            return sv ? "ge regionens server med \(option) postgres://… (eller sätt SAMTAL_REGION_URL)"
                : "give the region's server with \(option) postgres://… (or set SAMTAL_REGION_URL)"
        case .dryRunOrVerify:
            return sv ? "--dry-run och --verify: ge en av dem" : "--dry-run and --verify: give one of them"
        case .periodMonth(let given):
            return sv ? "--period måste vara en månad skriven ÅÅÅÅ-MM, inte '\(given)'" : "--period must be a month written YYYY-MM, not '\(given)'"
        case .roleName(let role):
            return sv ? "'\(role)' kan inte vara ett rollnamn här: använd små bokstäver, siffror och _, med en bokstav först, inte regionens gruppnamn (samtal_municipality, samtal_county) eller postgres, och inte samma roll för både en kommun och länet"
                : "'\(role)' cannot be a role name here: use lower-case letters, digits and _, starting with a letter, not the region's group names (samtal_municipality, samtal_county) or postgres, and not one role for both a municipality and the county"
        case .yesOrNo(let option):
            return sv ? "\(option) måste vara yes eller no" : "\(option) must be yes or no"
        case .regionReportFormats:
            return sv ? "--format: regionens rapport är md, html, pdf eller csv" : "--format: the region's report is md, html, pdf or csv"
        case .regionOutOfMemory:
            return sv ? "kan inte nå regionens server: minnet räcker inte" : "cannot reach the regional server: out of memory"
        case .regionCannotConnect(let url, let detail):
            return (sv ? "kan inte ansluta till regionens server \(url)" : "cannot connect to the regional server \(url)") + Self.detail(detail)
        case .regionNoPassword(let url, let detail):
            return (sv ? "regionens server \(url) vill ha ett lösenord: samtal sparar inga lösenord, så ge det i ~/.pgpass, i PGPASSWORD eller i --to"
                       : "the regional server \(url) asks for a password: samtal keeps no passwords, so give it in ~/.pgpass, in PGPASSWORD or in --to")
                + Self.detail(detail)
        case .regionConnectionLost(let detail):
            return (sv ? "förbindelsen med regionens server bröts" : "the connection to the regional server was lost") + Self.detail(detail)
        case .regionRefused(let detail):
            return (sv ? "regionens server vägrade" : "the regional server refused") + Self.detail(detail)
        case .regionRoleNotMunicipality(let role):
            return sv ? "regionen vägrar rollen \(role): den är inte en kommuns roll (länet lägger till den med `samtal region setup --municipality \(role)`)"
                : "the region refuses the role \(role): it is not a municipality's role (the county adds it with `samtal region setup --municipality \(role)`)"
        case .regionStoreClaimed(let store, let role):
            return sv ? "regionen vägrar det här lagret (\(store)) för rollen \(role): en annan kommuns roll publicerade det först"
                : "the region refuses this store (\(store)) for the role \(role): another municipality's role published it first"
        case .regionNameTaken(let name):
            return sv ? "regionen vägrar namnet \(name): en annan kommuns roll publicerar under det (ge den här kommunens eget namn med --municipality)"
                : "the region refuses the name \(name): another municipality's role publishes under it (give this municipality's own name with --municipality)"
        case .regionNoSchema:
            return sv ? "servern har ingen samtal-region: länet sätter upp den med `samtal region setup --admin-url URL`"
                : "the server holds no samtal region: the county sets it up with `samtal region setup --admin-url URL`"
        case .regionRoleMayNotUse(let role):
            return sv ? "rollen \(role) får inte använda samtal-regionen: länet lägger till den med `samtal region setup --municipality \(role)`"
                : "the role \(role) may not use the samtal region: the county adds it with `samtal region setup --municipality \(role)`"
        case .regionSchemaNotSetUp:
            return sv ? "regionens schema är inte uppsatt: länet kör `samtal region setup --admin-url URL`"
                : "the region's schema is not set up: the county runs `samtal region setup --admin-url URL`"
        case .regionSchemaNewer(let version, let known):
            return sv ? "regionens schema är version \(version), nyare än den här samtal känner till (\(known)): uppdatera samtal"
                : "the region's schema is version \(version), newer than this samtal knows (\(known)): update samtal"
        case .regionSchemaOlder(let version, let known):
            return sv ? "regionens schema är version \(version), äldre än den här samtals (\(known)): länet kör `samtal region setup` igen"
                : "the region's schema is version \(version), older than this samtal's (\(known)): the county runs `samtal region setup` again"
        case .regionNoMunicipality:
            return sv ? "lagret säger inte vilken kommun det hör till: publicera en gång med --municipality NAMN"
                : "the store does not say which municipality it belongs to: publish once with --municipality NAME"
        case .regionHoldsSame(let rows):
            return sv ? "regionen har precis det som det här lagret publicerar (\(rows) rader)"
                : "the region holds exactly what this store publishes (\(rows) rows)"
        case .regionDiffers(let differences):
            return sv ? "regionen skiljer sig från det som det här lagret publicerar (\(differences.joined(separator: "; "))): `samtal publish` skickar det"
                : "the region differs from what this store publishes (\(differences.joined(separator: "; "))): `samtal publish` sends it"
        case .regionDifference(let table, let new, let changed, let gone):
            let parts = (sv ? [(new, "ny", "nya"), (changed, "ändrad", "ändrade"), (gone, "bara i regionen", "bara i regionen")]
                            : [(new, "new", "new"), (changed, "changed", "changed"), (gone, "only in the region", "only in the region")])
                .compactMap { n, one, many in n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
            return "\(table): " + parts.joined(separator: ", ")
        case .regionNameDiffers(let held, let store):
            return sv ? "namnet \(held) i regionen, \(store) här" : "the name \(held) in the region, \(store) here"
        case .regionURLRemembered(let url):
            return sv ? "regionens adress \(url) sparad i lagret (utan lösenord): nästa gång räcker `samtal publish`"
                : "the region's address \(url) remembered in the store (without a password): next time `samtal publish` is enough"
        case .regionNothingHeld:
            return sv ? "regionen har ingenting från det här lagret" : "the region holds nothing of this store"
        case .published(let rows, let municipality, let store, let changes, let changed, let removed, let tls):
            var line = sv ? "publicerade \(rows) rader för \(municipality) (\(store))" : "published \(rows) rows of \(municipality) (\(store))"
            if changes == 0 {
                line += sv ? ": inget ändrades" : ": nothing changed"
            } else {
                line += sv ? ": ändrade " + (changed.isEmpty ? "inga rader" : changed.joined(separator: ", "))
                    : ": changed " + (changed.isEmpty ? "none" : changed.joined(separator: ", "))
            }
            if !removed.isEmpty { line += (sv ? "; tog bort " : "; removed ") + removed.joined(separator: ", ") }
            if !tls { line += sv ? " (utan TLS)" : " (without TLS)" }
            return line
        case .regionSetUp(let version, let applied, let roles):
            let list = applied.map(String.init).joined(separator: ", ")
            return (sv ? "regionens schema är version \(version)" : "region schema version \(version)")
                + (applied.isEmpty ? (sv ? ", redan aktuellt" : ", up to date") : (sv ? ", tillämpade \(list)" : ", applied \(list)"))
                + (roles.isEmpty ? "" : (sv ? "; skapade roller: " : "; roles created: ") + roles.joined(separator: ", "))
        default:
            return "\(m)"
        }
    }

    /// The server's or libpq's own words after samtal's.
    static func detail(_ text: String) -> String { text.isEmpty ? "" : ": " + text }
}

extension IDError: Explained {
    public func message(_ language: Language) -> String { Texts(language).command(.id(self)) }
}
