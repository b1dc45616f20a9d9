// swift-tools-version:6.0
import PackageDescription

/// The package's folder: the release link's paths are absolute (the link
/// does not run in it).
let packageFolder = String(#filePath.dropLast("Package.swift".count))
/// Where Scripts/build-release links the static archives a release build
/// prefers.
let staticLibraries = packageFolder + ".build/static-libs"

let package = Package(
    name: "Samtal",
    products: [
        .executable(name: "samtal", targets: ["samtal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ncursesw through a tiny shim header (Sources/CNcursesw/shim.h).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libpq, PostgreSQL's C client, for the regional server (issue 17):
        // its header only. Not linked (pkg-config would link it): PG.swift
        // opens it when the region is first used, so that a start of samtal
        // does not load it and the 21 libraries it needs (TLS, Kerberos,
        // LDAP): ~10 M instructions at every start (issue 15).
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        // Pure core: domain types, agenda model and validation, meeting state
        // machine, keymap, UI texts. No terminal, no I/O.
        .target(name: "SamtalCore"),
        // Reading agenda files (YAML) into the core's agenda model.
        .target(
            name: "SamtalAgendas",
            dependencies: ["SamtalCore", .product(name: "Yams", package: "Yams")]
        ),
        // The local store: SQLite through GRDB.
        .target(
            name: "SamtalStore",
            dependencies: ["SamtalCore", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's C interface, for the change watcher's one query.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Screens drawn into an in-memory grid of cells.
        .target(name: "SamtalRender", dependencies: ["SamtalCore"]),
        // The thin ncurses backend: draws a grid, reads keys.
        .target(name: "SamtalTerminal", dependencies: ["CNcursesw", "SamtalCore", "SamtalRender"]),
        // Starting a thread on another core (CPU affinity, SCHED_IDLE: GNU
        // calls the Swift Glibc module does not expose), for SamtalApp.
        .target(name: "CThreads"),
        // Performing the core's effects: the effect runner, the workers that
        // run effects off the key loop, the export pipeline.
        .target(name: "SamtalApp", dependencies: ["CThreads", "SamtalCore", "SamtalAgendas", "SamtalStore"]),
        // The region (issue 17): publishing to the county's PostgreSQL, its
        // schema and migrations, and the county's report.
        .target(name: "SamtalRegion", dependencies: ["CLibPQ", "SamtalCore", "SamtalAgendas", "SamtalStore", "SamtalApp", "SamtalRender"]),
        .executableTarget(
            name: "samtal",
            dependencies: [
                "SamtalCore", "SamtalAgendas", "SamtalStore", "SamtalRender", "SamtalTerminal", "SamtalApp", "SamtalRegion",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Linked at a fixed address, not as a position-independent
            // executable: with the Swift runtime and Foundation linked in
            // statically (`--static-swift-stdlib`), a PIE has ~94,000
            // relocations that the loader applies, a page written at a
            // time, at every start: ~1.2 ms of a 4.6 ms start to `main`
            // (issue 15, BENCHMARKS.md). The shared libraries, the heap and
            // the stack are still placed at random. Release builds only, as
            // `Scripts/run` makes them: a debug build links the Swift
            // runtime as a shared library, whose functions a fixed-address
            // executable may not compare by address.
            // The release build also looks for libraries in .build/static-libs
            // first, where Scripts/build-release links the static archives of
            // SQLite, ncursesw, tinfo and libstdc++: the loader then maps and
            // binds none of them at a start (3.6 M instructions, issue 15).
            // ncursesw's archive needs tinfo named; as a shared library it
            // brings it itself. No dynamic symbols (Scripts/release-exports.map).
            linkerSettings: [
                .unsafeFlags(["-Xclang-linker", "-no-pie", "-L" + staticLibraries,
                              "-Xlinker", "--version-script=" + packageFolder + "Scripts/release-exports.map"],
                             .when(configuration: .release)),
                .linkedLibrary("tinfo", .when(configuration: .release)),
            ]
        ),
        .testTarget(name: "SamtalCoreTests", dependencies: ["SamtalCore", "SamtalAgendas"], exclude: ["BrokenAgendas", "PersonalDataCases", "Golden"]),
        .testTarget(name: "SamtalStoreTests", dependencies: ["SamtalCore", "SamtalStore"]),
        .testTarget(name: "SamtalAppTests", dependencies: ["SamtalApp", "SamtalCore", "SamtalAgendas", "SamtalStore",
                                                           .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Golden"]),
        .testTarget(name: "SamtalRegionTests", dependencies: ["SamtalRegion", "SamtalApp", "SamtalCore", "SamtalAgendas", "SamtalStore", "SamtalRender"]),
        .testTarget(name: "SamtalRenderTests", dependencies: ["SamtalCore", "SamtalRender", "SamtalTerminal", "SamtalRegion"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
