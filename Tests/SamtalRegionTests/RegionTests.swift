// The region against a real PostgreSQL (issue 17's acceptance). Run
// through `Scripts/pg-throwaway` (Scripts/test does, and there they must
// run); without it they are skipped with a message.

import Foundation
import Synchronization
import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalRegion
import SamtalStore
import Testing

@Test("the region's tests ran: Scripts/test requires the throwaway server")
func regionServerPresentWhenRequired() {
    if TestServer.env["SAMTAL_REGION_TESTS"] == "required" {
        #expect(TestServer.available, "SAMTAL_REGION_TESTS=required but \(TestServer.skipMessage)")
    }
}

@Suite("The region on a real PostgreSQL", .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipMessage)))
struct RegionTests {
    typealias F = RegionFixture

    /// A database set up for the region with the roles of the test.
    struct Region {
        let db: String
        init(readOthers: Bool? = nil) throws {
            db = try TestServer.database()
            _ = try RegionSchema.setup(adminURL: admin, municipalities: ["fagersta", "ludvika", "sala"].map(role),
                                       counties: [role("lan")], readOthers: readOthers)
        }
        var admin: String { TestServer.url(db, user: TestServer.adminUser) }
        func role(_ name: String) -> String { "\(db)_\(name)" }
        func url(_ name: String) -> String { TestServer.url(db, user: role(name)) }
    }

    func publication(_ store: AppStore, withInternal: Bool = false) throws -> Publication {
        try Publication.of(store: store, library: F.library, options: PublishOptions(includeInternal: withInternal))
    }

    @Test("eight regions set up at once on one server (roles are the server's, not a database's): none fails")
    func concurrentSetups() throws {
        // CI saw "duplicate key value violates unique constraint
        // pg_authid_rolname_index" when tests set up their regions at once.
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try Region() } catch { errors.withLock { $0.append("\(error)") } }
        }
        #expect(errors.withLock { $0 }.isEmpty)
    }

    @Test("three municipalities publish; the county's report holds each one's ratings and rubric answers, equal to their own documents")
    func threeMunicipalities() throws {
        let region = try Region()
        let folder = try F.Folder()
        var stores: [(F.Municipality, AppStore, Int64)] = []
        for m in [F.fagersta, F.ludvika, F.sala] {
            let (store, cycle) = try F.build(m, in: folder)
            let result = try RegionServer.publish(try publication(store), url: region.url(m.name.lowercased()))
            #expect(result.totalChanged > 0)
            stores.append((m, store, cycle))
        }
        let read = try RegionServer.read(url: region.url("lan"))
        #expect(read.map(\.municipality) == ["Fagersta", "Ludvika", "Sala"])
        // What the region holds is exactly what each store publishes.
        for (i, (_, store, _)) in stores.enumerated() {
            #expect(read[i].normalized == (try publication(store)).normalized)
        }
        let report = RegionReport(read, period: "2027-03")
        for (i, (m, store, cycle)) in stores.enumerated() {
            // The rubric: the store's own quality report, as `samtal export c1 --document quality` computes it.
            let record = try loadCycle(store: store, cycleID: cycle, library: F.library)
            let own = QualityReport.answers(record, language: .sv)
            #expect(report.quality.map { $0[i]?.verdict } == own.map(\.verdict), "\(m.name)")
            #expect(report.quality.map { $0[i]?.level } == own.map(\.level), "\(m.name)")
            #expect(report.quality.map { $0[i]?.evidenceCount } == own.map(\.evidence.count), "\(m.name)")
            // The ratings: the situation reports' own values, month by month.
            for (q, step) in F.ratedSteps.enumerated() {
                // (The meetings are in date order: the first with the step.)
                let title = record.meetings.lazy.compactMap { $0.agenda.steps.first { $0.id == step } }.first!.title
                let line = try #require(report.ratings.first { $0.question == title })
                let expected = record.meetings.filter { $0.agenda.id == "lagesrapport" }.compactMap { r -> (String, String)? in
                    let period = String(r.meeting.facts.date.prefix(7))
                    guard period <= "2027-03", let v = r.steps[step]?.ratings.first?.value else { return nil }
                    return (period, v)
                }
                let cell = line.cells[i]
                #expect(cell?.trend.map(\.period) ?? [] == expected.map(\.0), "\(m.name) \(step)")
                #expect(cell?.trend.map(\.value) ?? [] == expected.map(\.1), "\(m.name) \(step)")
                #expect(cell?.value == m.reports.first { $0.date.hasPrefix("2027-03") }?.values[q], "\(m.name) \(step)")
            }
            // The promise and its activities.
            #expect(report.promises[i].title == "Medborgarlöfte \(m.name) 2027")
            #expect(report.promises[i].promised.map(\.what) == ["Trygghetsvandring i centrum", "Bättre belysning i gångtunneln"])
            #expect(report.promises[i].activities == [.done: 1, .ongoing: 1, .planned: 1])
        }
        // Sala's April report is after the period: not in it.
        #expect(!report.ratings.contains { $0.cells[2]?.trend.contains { $0.period == "2027-04" } == true })
        let md = MarkdownRenderer.render(report.document(language: .sv))
        for name in ["Fagersta", "Ludvika", "Sala", "Ordningsstörningar", "gul", "Länets bild 2027-03"] {
            #expect(md.contains(name), "\(name)")
        }
        let csv = report.csv(language: .sv, dialect: .rfc4180)
        #expect(csv.hasPrefix("avsnitt,kommun,lager_id,cykel,fråga,period,värde,nivå,antal_underlag\r\n"))
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("kvalitetsgranskning,") }.count == 45)
    }

    /// Every row of the region with the transaction that wrote it.
    func versions(_ region: Region) throws -> [[String?]] {
        let db = try PGConnection(url: region.admin)
        var all: [[String?]] = []
        for t in ["municipalities"] + RegionTable.allCases.map(\.rawValue) {
            all += try db.exec("SELECT '\(t)', xmin::text, t::text FROM samtal_region.\(t) t ORDER BY 3")
        }
        return all
    }

    @Test("publishing twice changes no row; a change publishes only that row; a deleted record leaves the region")
    func idempotent() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (store, _) = try F.build(F.fagersta, in: folder)
        let url = region.url("fagersta")
        _ = try RegionServer.publish(try publication(store), url: url)
        let before = try versions(region)
        let again = try RegionServer.publish(try publication(store), url: url)
        #expect(again.totalChanged == 0)
        #expect(try versions(region) == before)

        // One rating changed: one row.
        let march = try #require(try store.overview().first?.meetings.first { $0.facts.date == "2027-03-11" })
        try store.setRating(meetingID: march.id, stepID: "ovrigt", rating: Rating(question: 0, value: "5"))
        let changed = try RegionServer.publish(try publication(store), url: url)
        #expect(changed.changed[.ratings] == 1 && changed.totalChanged == 1)

        // An activity deleted: its row goes (its follow-up's link stays as written).
        let internalActivity = try #require(try publication(store).rows(.activities).last)
        try store.deleteActivity(id: Int64(internalActivity.localID.dropFirst())!, now: 1000)
        let removed = try RegionServer.publish(try publication(store), url: url)
        #expect(removed.removed[.activities] == 1)
        #expect(try RegionServer.published(storeID: try store.identity().uuid, url: url)?.normalized == (try publication(store)).normalized)
    }

    @Test("a cycle retired in the store stays in the region marked retired, out of the report; brought back, it returns")
    func retired() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (store, cycle) = try F.build(F.ludvika, in: folder, plant: false)
        let url = region.url("ludvika")
        _ = try RegionServer.publish(try publication(store), url: url)
        try store.setCycleRetired(id: cycle, true, now: 500)
        let result = try RegionServer.publish(try publication(store), url: url)
        #expect(result.changed[.cycles] == 1 && result.totalChanged == 1)
        let read = try RegionServer.read(url: region.url("lan"))
        #expect(read[0].rows(.cycles).first?.value("retired") == "true")
        #expect(read[0].rows(.ratings).count == 12)
        let report = RegionReport(read, period: "2027-03")
        #expect(report.municipalities[0].cycle == nil && report.ratings.isEmpty && report.quality.allSatisfy { $0[0] == nil })
        try store.setCycleRetired(id: cycle, false, now: 600)
        _ = try RegionServer.publish(try publication(store), url: url)
        #expect(RegionReport(try RegionServer.read(url: region.url("lan")), period: "2027-03").ratings.count == 6)
    }

    @Test("TLS when the server offers it: libpq's default (prefer) encrypts over TCP; the result says when it did not")
    func tls() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (store, _) = try F.build(F.sala, in: folder, plant: false)
        let role = region.role("sala")
        try PGConnection(url: region.admin).exec("ALTER ROLE \(role) PASSWORD 'tunnel-2027'")
        #expect(try PGConnection(url: TestServer.tcpURL(region.db, user: role, password: "tunnel-2027", sslmode: "prefer")).isTLS)
        #expect(try PGConnection(url: TestServer.tcpURL(region.db, user: role, password: "tunnel-2027", sslmode: "require")).isTLS)
        #expect(try RegionServer.publish(try publication(store), url: TestServer.tcpURL(region.db, user: role, password: "tunnel-2027", sslmode: "prefer")).tls)
        let plain = try PGConnection(url: TestServer.tcpURL(region.db, user: role, password: "tunnel-2027", sslmode: "disable"))
        #expect(!plain.isTLS && !plain.isLocalSocket)
        #expect(try !RegionServer.publish(try publication(store), url: TestServer.tcpURL(region.db, user: role, password: "tunnel-2027", sslmode: "disable")).tls)
        // Over the Unix socket TLS does not apply, and is not asked for.
        #expect(try RegionServer.publish(try publication(store), url: region.url("sala")).tls)
    }

    @Test("municipality A's role cannot insert, change or delete B's rows: the server refuses")
    func rowLevelSecurity() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (a, _) = try F.build(F.fagersta, in: folder)
        let (b, _) = try F.build(F.ludvika, in: folder)
        _ = try RegionServer.publish(try publication(a), url: region.url("fagersta"))
        _ = try RegionServer.publish(try publication(b), url: region.url("ludvika"))
        let bID = try b.identity().uuid
        let bBefore = try versions(region).filter { $0[2]?.contains(bID) == true }
        let asA = try PGConnection(url: region.url("fagersta"))

        // A new row under B's id: refused.
        // (Every NOT NULL column given: the refusal must be the policy's, 42501.)
        do {
            try asA.exec("INSERT INTO samtal_region.ratings (store_id, local_id, cycle_id, meeting_id, step_id, step_number, step_title, question_index, question, scale) VALUES ($1, 'm99/x/0', 'c1', '99', 'x', 1, 'x', 0, 'x', 'impact-1-5')", [bID])
            Issue.record("A inserted a rating of B")
        } catch let e as RegionError {
            #expect(e.isPermissionDenied, "\(e)")
        }
        do {
            try asA.exec("INSERT INTO samtal_region.cycles (store_id, local_id, area, period, retired) VALUES ($1, 'c99', 'x', 'x', false)", [bID])
            Issue.record("A inserted a row of B")
        } catch let e as RegionError {
            #expect(e.isPermissionDenied, "\(e)")
        }
        // Writing over B's row through an upsert: refused.
        do {
            try asA.exec("INSERT INTO samtal_region.cycles (store_id, local_id, area, period, retired) VALUES ($1, 'c1', 'x', 'x', true) ON CONFLICT (store_id, local_id) DO UPDATE SET area = 'x'", [bID])
            Issue.record("A wrote over a row of B")
        } catch let e as RegionError {
            #expect(e.isPermissionDenied, "\(e)")
        }
        // Changing or deleting B's rows: none are A's to touch.
        #expect(try asA.exec("UPDATE samtal_region.ratings SET value = '1' WHERE store_id = $1 RETURNING 1", [bID]).isEmpty)
        #expect(try asA.exec("DELETE FROM samtal_region.ratings WHERE store_id = $1 RETURNING 1", [bID]).isEmpty)
        #expect(try asA.exec("DELETE FROM samtal_region.municipalities WHERE store_id = $1 RETURNING 1", [bID]).isEmpty)
        // Moving A's own rows to B: refused.
        do {
            // To a local id B has not: only the policy can refuse it.
            try asA.exec("UPDATE samtal_region.cycles SET store_id = $1, local_id = 'moved-' || local_id", [bID])
            Issue.record("A moved its rows to B")
        } catch let e as RegionError {
            #expect(e.isPermissionDenied, "\(e)")
        }
        // Publishing B's store with A's role: refused.
        #expect(throws: RegionError.self) { try RegionServer.publish(try publication(b), url: region.url("fagersta")) }
        // A's store under B's name (a county's walk published Krokom as
        // "Östersund"): refused, as a new store of A's under that name.
        var asB = try publication(a)
        asB.municipality = "ludvika"
        do {
            _ = try RegionServer.publish(asB, url: region.url("fagersta"))
            Issue.record("A published under B's name")
        } catch let e as RegionError {
            #expect(e.sqlState == "SRN01", "\(e)")
        }
        asB.storeID = UUID().uuidString.lowercased()
        #expect(throws: RegionError.self) { try RegionServer.publish(asB, url: region.url("fagersta")) }
        // A second store of A's own under A's name is A's to publish.
        var second = try publication(a)
        second.storeID = UUID().uuidString.lowercased()
        _ = try RegionServer.publish(second, url: region.url("fagersta"))
        _ = try PGConnection(url: region.admin).exec("DELETE FROM samtal_region.municipalities WHERE store_id = $1", [second.storeID])
        #expect(try versions(region).filter { $0[2]?.contains(bID) == true } == bBefore)

        // A reads only its own; the county everything.
        #expect(try RegionServer.read(url: region.url("fagersta")).map(\.municipality) == ["Fagersta"])
        #expect(try RegionServer.read(url: region.url("lan")).map(\.municipality) == ["Fagersta", "Ludvika"])
        // Until the region lets municipalities read each other.
        _ = try RegionSchema.setup(adminURL: region.admin, readOthers: true)
        #expect(try RegionServer.read(url: region.url("fagersta")).map(\.municipality) == ["Fagersta", "Ludvika"])
        // The county's role writes nothing.
        #expect(throws: RegionError.self) { try RegionServer.publish(try publication(a), url: region.url("lan")) }
    }

    /// Every text of every table of the region, row by row.
    func everything(_ region: Region) throws -> String {
        let db = try PGConnection(url: region.admin)
        var text = ""
        for t in try db.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'samtal_region'") {
            for row in try db.exec("SELECT t::text FROM samtal_region.\(t[0]!) t") { text += (row[0] ?? "") + "\n" }
        }
        return text
    }

    @Test("nothing internal, hidden or personal reaches the server; internal text only when chosen, never personal data")
    func nothingPrivate() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (store, _) = try F.build(F.sala, in: folder, plant: true)
        let dry = try publication(store).listing()
        _ = try RegionServer.publish(try publication(store), url: region.url("sala"))
        let held = try everything(region)
        #expect(held.contains("Trygghetsvandring i centrum"))
        for secret in F.planted {
            #expect(!held.contains(secret), "\(secret) reached the region")
            #expect(!dry.contains(secret), "\(secret) in the dry run")
        }

        // The coordinator opts in to the internal text: it goes, personal data still not.
        _ = try RegionServer.publish(try publication(store, withInternal: true), url: region.url("sala"))
        let opted = try everything(region)
        #expect(opted.contains(F.plantedObservation) && opted.contains(F.plantedComment) && opted.contains(F.plantedWhy))
        for secret in [F.plantedNote, F.plantedHidden, F.plantedFacilitator, F.plantedPhone, F.plantedPersonnummer] {
            #expect(!opted.contains(secret), "\(secret) reached the region")
        }
    }

    @Test("the live view's reader reads off the key loop, reads again on a publish, and connects again when the connection drops")
    func reader() throws {
        let region = try Region()
        let folder = try F.Folder()
        let (store, _) = try F.build(F.sala, in: folder)
        let reader = RegionReader(url: region.url("lan"), language: .sv, retrySeconds: 0.2)
        reader.start()
        defer { reader.stop() }
        func next(_ seconds: Double = 10) -> [RegionReader.Found] {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                let found = reader.take()
                if !found.isEmpty { return found }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return []
        }
        #expect(next() == [.read([])])
        _ = try RegionServer.publish(try publication(store), url: region.url("sala"))
        guard case .read(let read)? = next().last else { Issue.record("no read after a publish"); return }
        #expect(read.map(\.municipality) == ["Sala"])
        // The server drops the connection: said, in Swedish, then read again.
        try PGConnection(url: region.admin).exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [region.role("lan")])
        var seen: [RegionReader.Found] = []
        let end = Date().addingTimeInterval(10)
        while Date() < end && !seen.contains(where: { if case .read = $0 { return true } else { return false } }) { seen += next(1) }
        let failure = seen.first { if case .failed = $0 { return true } else { return false } }
        guard case .failed(let message, let retrying)? = failure else { Issue.record("no failure said: \(seen)"); return }
        #expect(message.hasPrefix("förbindelsen med regionens server bröts") && retrying, "\(message)")
        #expect(seen.last == .read(read))
    }
}

@Suite("A publish killed with kill -9", .enabled(if: TestServer.available, Comment(rawValue: TestServer.skipMessage)))
struct RegionKillTests {
    typealias F = RegionFixture

    /// The real binary, built by `swift build --product samtal` (Scripts/test builds it first).
    static let binary = F.root.appendingPathComponent(".build/debug/samtal").path

    func start(_ store: String, _ url: String, withInternal: Bool) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["publish", "--store", store, "--to", url, "--lang", "sv"] + (withInternal ? ["--include-internal"] : [])
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test("killed at random moments (50 rounds), the region holds the old rows or the new, never a mix; run again, exactly the new")
    func killedAndRunAgain() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build samtal first: swift build --product samtal")
        let db = try TestServer.database()
        let admin = TestServer.url(db, user: TestServer.adminUser)
        _ = try RegionSchema.setup(adminURL: admin, municipalities: ["\(db)_fagersta"])
        let url = TestServer.url(db, user: "\(db)_fagersta")
        let folder = try F.Folder()
        let (store, _) = try F.build(F.fagersta, in: folder)
        let path = folder.path + "/Fagersta.sqlite"
        let storeID = try store.identity().uuid
        // The two publications the rounds switch between: with and
        // without the internal texts (many rows differ).
        var expected: [Bool: Publication] = [:]
        for withInternal in [false, true] {
            expected[withInternal] = try Publication.of(store: store, library: F.library,
                                                        options: PublishOptions(includeInternal: withInternal)).normalized
        }
        func held() throws -> Publication? { try RegionServer.published(storeID: storeID, url: url)?.normalized }

        // One whole publish, timed: the kills fall anywhere in such a run.
        let began = Date()
        let first = try start(path, url, withInternal: false)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let duration = Date().timeIntervalSince(began)
        #expect(try held() == expected[false])

        var mode = false
        var cutOff = 0
        for round in 0..<50 {
            mode.toggle()
            let p = try start(path, url, withInternal: mode)
            usleep(useconds_t(Double.random(in: 0...(duration * 1.1)) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try held()
            #expect(after == expected[!mode] || after == expected[mode], "round \(round): a mix of old and new rows")
            if p.terminationReason == .uncaughtSignal && after == expected[!mode] { cutOff += 1 }
            let again = try start(path, url, withInternal: mode)
            again.waitUntilExit()
            #expect(again.terminationStatus == 0, "round \(round)")
            #expect(try held() == expected[mode], "round \(round): not exactly the new rows")
        }
        // The kills did cut publishes off (not all fell after the commit).
        #expect(cutOff > 0)
        // And a last publish in the same mode changes nothing.
        let last = try RegionServer.publish(try Publication.of(store: store, library: F.library,
                                                               options: PublishOptions(includeInternal: mode)), url: url)
        #expect(last.totalChanged == 0)
    }

}
