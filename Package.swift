// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "arena",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arena", targets: ["arena"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `arena gateway`'s HTTP server.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Tests only: running the real arena binary with both pipes drained concurrently.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Thin @main over the command library.
        .executableTarget(name: "arena", dependencies: ["ArenaCLI"], swiftSettings: strict),

        // Domain: config, battles, seats, verdicts, metrics, pricing, identity-leak guard, export rows.
        .target(name: "ArenaCore", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),

        // Pure ranking maths over verdict counts: Bradley–Terry, Elo, bootstrap. No dependencies.
        .target(name: "ArenaRanking", swiftSettings: strict),

        // Wire formats and streaming: SSE/NDJSON decoders, provider adapters, the HTTP streaming wrapper.
        .target(name: "ArenaProviders", dependencies: [
            "ArenaCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: strict),

        // libpq, the official PostgreSQL C client; only PGClient imports it.
        .systemLibrary(name: "CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // A small synchronous PostgreSQL client over libpq (PGPASSWORD, ~/.pgpass and sslmode as psql).
        .target(name: "PGClient", dependencies: ["CLibpq"], swiftSettings: strict),
        // A throwaway PostgreSQL cluster for tests (scripts/postgres-test-cluster.sh).
        .target(name: "PGTestSupport", dependencies: ["ArenaTestTraits"], swiftSettings: strict),

        // The store: SQLite (GRDB) by default, PostgreSQL for teams; records and migrations; the only SQL in the project.
        .target(name: "ArenaStore", dependencies: [
            "PGClient",
            "ArenaCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // sqlite3's own calls, for the prepared inserts (`BattleInserter`); Apple systems have SQLite3.
            .product(name: "GRDBSQLite", package: "GRDB.swift", condition: .when(platforms: [.linux])),
        ], swiftSettings: strict),

        // The arena screen: cell grid, layout, widgets, themes, the reducer and the run loop. No ncurses.
        .target(name: "ArenaUI", dependencies: ["ArenaCore", .product(name: "Yams", package: "Yams")],
                swiftSettings: strict),

        // ncursesw: the system library, and the only target that imports it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "ArenaTerminal", dependencies: ["ArenaUI", "CNcursesw"], swiftSettings: strict),

        // `arena gateway`: an OpenAI-compatible server that relays to the primary, captures traffic as a
        // private suite, shadows candidates and routes by the suite's recommendation.
        .target(name: "ArenaGateway", dependencies: [
            "ArenaCore", "ArenaProviders", "ArenaStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: strict),

        // Command-line interface: subcommands, terminal prompts, output formatting.
        .target(name: "ArenaCLI", dependencies: [
            "ArenaCore", "ArenaProviders", "ArenaStore", "ArenaRanking", "ArenaUI", "ArenaTerminal", "ArenaGateway",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),

        // Benchmarks run by hand (`swift run -c release arena-bench ranking|screen`), never as timed tests.
        .executableTarget(name: "arena-bench", dependencies: ["ArenaRanking", "ArenaCore", "ArenaUI", "ArenaFuzz", "ArenaProviders",
                                                            "ArenaTestSupport", "ArenaStore",
                                                            .product(name: "AsyncHTTPClient", package: "async-http-client")],
                              swiftSettings: strict),

        // Seeded fuzzing of every decoder and parser (short pass in the tests, long runs in arena-bench).
        .target(name: "ArenaFuzz", dependencies: ["ArenaCore", "ArenaProviders", "ArenaUI"], swiftSettings: strict),

        // Real test doubles: an in-process HTTP server on 127.0.0.1 that streams scripted responses.
        .target(name: "ArenaTestSupport", dependencies: [
            "ArenaCore",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: strict),

        // A Swift Testing trait that runs CPU-heavy tests on threads of their own, off the cooperative pool.
        .target(name: "ArenaTestTraits", swiftSettings: strict),

        .testTarget(name: "ArenaCoreTests", dependencies: ["ArenaTestTraits", "ArenaCore"], swiftSettings: strict),
        .testTarget(name: "ArenaRankingTests", dependencies: ["ArenaTestTraits", "ArenaRanking"], swiftSettings: strict),
        .testTarget(name: "ArenaProvidersTests", dependencies: ["ArenaTestTraits", "ArenaProviders", "ArenaTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ArenaStoreTests", dependencies: ["ArenaTestTraits", "ArenaStore", "PGTestSupport", "PGClient", "ArenaTestSupport",
                                                        .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "PGClientTests", dependencies: ["ArenaTestTraits", "ArenaTestSupport", "PGClient", "PGTestSupport", "CLibpq"],
                    swiftSettings: strict),
        .testTarget(name: "ArenaFuzzTests", dependencies: ["ArenaTestTraits", "ArenaFuzz"], swiftSettings: strict),
        .testTarget(name: "ArenaUITests", dependencies: ["ArenaTestTraits", "ArenaUI", "ArenaCore", "ArenaFuzz"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "ArenaTerminalTests", dependencies: ["ArenaTestTraits", "ArenaTerminal", "ArenaUI"], swiftSettings: strict),
        .testTarget(name: "ArenaGatewayTests", dependencies: ["ArenaTestTraits", "ArenaGateway", "ArenaStore", "ArenaTestSupport", "ArenaProviders",
                                                          "PGTestSupport", "PGClient",
                                                          .product(name: "AsyncHTTPClient", package: "async-http-client")],
                    swiftSettings: strict),
        .testTarget(name: "ArenaCLITests", dependencies: ["ArenaTestTraits", "ArenaCLI", "ArenaStore", "ArenaTestSupport", "PGTestSupport", "PGClient", "ArenaUI", "ArenaProviders", .product(name: "GRDB", package: "GRDB.swift"),
                                                      .product(name: "Subprocess", package: "swift-subprocess")],
                    swiftSettings: strict),
    ]
)
