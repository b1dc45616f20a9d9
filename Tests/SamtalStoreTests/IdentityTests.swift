import Foundation
import SamtalCore
@testable import SamtalStore
import Testing

@Suite("The store's identity for the region")
struct IdentityTests {
    @Test("a store has one UUID from its making, kept across openings; the municipality's name is remembered")
    func identity() throws {
        // Given a store file
        let folder = try TempFolder()
        let path = folder.file("samtal.sqlite")
        let first = try AppStore(path: path)
        let id = try first.identity()
        // Then it has a UUID and no municipality yet
        #expect(UUID(uuidString: id.uuid) != nil && id.uuid == id.uuid.lowercased())
        #expect(id.municipality == "")
        // When the municipality is named and the store opened again
        try first.setMunicipality("Fagersta")
        first.close()
        let again = try AppStore(path: path)
        // Then both are as they were
        #expect(try again.identity() == StoreIdentity(uuid: id.uuid, municipality: "Fagersta"))
        // And another store has another UUID
        #expect(try AppStore.inMemory().identity().uuid != id.uuid)
    }
}
