// Writing exports without destroying anything, and the store's errors in
// the interface's language.

import Foundation
import GRDB
import SamtalCore
@testable import SamtalStore
import Testing

@Suite("Output files")
struct OutputFileTests {
    @Test("a new file is written whole; an existing one only when asked, keeping its mode")
    func existing() throws {
        let temp = try TempFolder()
        let path = temp.file("plan.md")
        try OutputFile.write(Data("ett".utf8), to: path, overwrite: false, protecting: [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ett")
        #expect(throws: OutputError.exists(path: path)) {
            try OutputFile.write(Data("två".utf8), to: path, overwrite: false, protecting: [])
        }
        chmod(path, 0o600)
        try OutputFile.write(Data("två".utf8), to: path, overwrite: true, protecting: [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "två")
        #expect(mode(of: path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["plan.md"])
    }

    @Test("the store, its side files and any SQLite database are refused, even when overwriting is asked")
    func store() throws {
        let temp = try TempFolder()
        let storePath = temp.file("s.sqlite")
        let store = try AppStore(path: storePath)
        _ = try store.createCycle(area: "Fagersta", period: "Q1", now: 1)
        let copy = temp.file("kopia.sqlite")
        try store.backup(to: copy)
        for target in [storePath, storePath + "-wal", storePath + "-shm", temp.file("./s.sqlite"), copy] {
            #expect(throws: OutputError.store(path: target)) {
                try OutputFile.write(Data("x".utf8), to: target, overwrite: true, protecting: [storePath])
            }
        }
        let link = temp.file("länk.md")
        symlink(storePath, link)
        #expect(throws: OutputError.store(path: link)) {
            try OutputFile.write(Data("x".utf8), to: link, overwrite: true, protecting: [storePath])
        }
        #expect(try store.cycles().count == 1)
    }

    @Test("CSV into a folder: nothing is written when one file is in the way")
    func folder() throws {
        let temp = try TempFolder()
        let folder = temp.file("csv")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("mina".utf8).write(to: URL(fileURLWithPath: folder + "/b.csv"))
        let files = [(name: "a.csv", data: Data("a".utf8)), (name: "b.csv", data: Data("b".utf8))]
        #expect(throws: OutputError.exists(path: folder + "/b.csv")) {
            try OutputFile.write(files, into: folder, overwrite: false, protecting: [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["b.csv"])
        try OutputFile.write(files, into: folder, overwrite: true, protecting: [])
        #expect(try String(contentsOfFile: folder + "/b.csv", encoding: .utf8) == "b")
    }

    @Test("a missing folder is named, in Swedish and English")
    func missingFolder() throws {
        let temp = try TempFolder()
        let path = temp.file("saknas/plan.md")
        #expect(throws: OutputError.missingFolder(folder: temp.file("saknas"))) {
            try OutputFile.write(Data("x".utf8), to: path, overwrite: false, protecting: [])
        }
        let error = OutputError.missingFolder(folder: temp.file("saknas"))
        #expect(error.message(.sv).hasPrefix("Mappen \(temp.file("saknas")) finns inte."))
        #expect(error.message(.en).hasPrefix("The folder \(temp.file("saknas")) does not exist."))
    }

    @Test("a read-only store is refused before SQLite makes read-only side files")
    func readOnly() throws {
        let temp = try TempFolder()
        let path = temp.file("s.sqlite")
        _ = try AppStore(path: path)
        chmod(path, 0o400)
        #expect(throws: StoreError.readOnly(path: path, mode: "400")) { try AppStore(path: path) }
        chmod(path, 0o600)
        _ = try AppStore(path: path)
    }

    @Test("a full disk says so, in the interface's language")
    func diskFull() throws {
        let temp = try TempFolder()
        let path = temp.file("s.sqlite")
        let store = try AppStore(path: path)
        let pages = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages)") }
        var failure: Error?
        do {
            for i in 0..<200 { _ = try store.createCycle(area: String(repeating: "å", count: 2000), period: "\(i)", now: 1) }
        } catch { failure = error }
        let error = try #require(failure)
        #expect(store.explain(error, .sv).hasPrefix("Disken med lagret \(path) är full"))
        #expect(store.explain(error, .en).hasPrefix("The disk holding the store \(path) is full"))
    }
}
