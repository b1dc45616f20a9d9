// A local store's publication: its identity and every cycle, read the way
// the local documents read them (`loadCycle`).

import SamtalAgendas
import SamtalApp
import SamtalCore
import SamtalStore

extension Publication {
    /// What `store` publishes. The municipality's name is `municipality`,
    /// else the store's (`setMunicipality`); one of them must be set.
    public static func of(store: AppStore, library: AgendaLibrary, options: PublishOptions,
                          municipality: String? = nil) throws -> Publication {
        var identity = try store.identity()
        if let municipality { identity.municipality = municipality }
        guard !identity.municipality.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegionError(.regionNoMunicipality)
        }
        let overview = try store.overview()
        let retired = Set(overview.filter(\.retired).map(\.cycle.id))
        // Oldest first, as the ids go.
        let cycles = try overview.map(\.cycle.id).sorted().map { try loadCycle(store: store, cycleID: $0, library: library) }
        return Publication(storeID: identity.uuid, municipality: identity.municipality, cycles: cycles, retired: retired, options: options)
    }
}
