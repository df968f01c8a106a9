// swift-tools-version: 6.2
import PackageDescription

/// Settings every Triage target shares: Swift 6 strict concurrency, explicit imports, and no warnings.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .library(name: "TriageCore", targets: ["TriageCore"]),
        .library(name: "TriageInventory", targets: ["TriageInventory"]),
        .library(name: "TriageStore", targets: ["TriageStore"]),
        .library(name: "TriageStorePostgres", targets: ["TriageStorePostgres"]),
        .library(name: "TriageActions", targets: ["TriageActions"]),
        .library(name: "TriageEngine", targets: ["TriageEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The one C boundary: only SSHTransport imports it.
        .systemLibrary(
            name: "CLibSSH",
            pkgConfig: "libssh",
            providers: [.apt(["libssh-dev"])]
        ),
        .target(
            name: "SSHTransport",
            dependencies: [
                "CLibSSH",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The pure core: probes, parsers, facts, rules, diagnosis and the runner behind `ProbeTransport`.
        // No transport and no I/O beyond its bundled files.
        .target(
            name: "TriageCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Devices and how to reach them: the inventory, and the libssh `ProbeTransport`.
        .target(
            name: "TriageInventory",
            dependencies: [
                "TriageCore",
                "SSHTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        // The record: diagnoses, evidence, audit log, outbox, orders and tickets in one SQLite file.
        .target(
            name: "TriageStore",
            dependencies: [
                "TriageCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The same record in a shared PostgreSQL (postgres-nio), for several `triage serve` workers (issue 15).
        .target(
            name: "TriageStorePostgres",
            dependencies: [
                "TriageStore",
                "TriageCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Orders, tickets and notes: written to the outbox with the diagnosis, delivered to a sink.
        // HTTP goes through Foundation's URLSession (libcurl underneath), already in the toolchain.
        .target(
            name: "TriageActions",
            dependencies: [
                "TriageCore",
                "TriageStore",
                "ChildProcess",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        // What a technician reads: the digest of a diagnosis (cause, what to do, components) and the
        // self-contained HTML report, rendered from the Mustache templates shipped in Templates/.
        .target(
            name: "TriageReport",
            dependencies: [
                "TriageCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        // One process's diagnosis engine: inventory, rules, probes, store and sink loaded once; one
        // device or a sweep over many, bounded, one session per device, recorded in batches.
        .target(
            name: "TriageEngine",
            dependencies: [
                "TriageCore",
                "TriageStore",
                "TriageActions",
                "TriageInventory",
                "SSHTransport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The escalation API's types and server protocol, generated from Docs/openapi.yaml by
        // scripts/generate-openapi (swift-openapi-generator, run by hand, not a build plugin). Generated code
        // gets the default settings: it is not written to Triage's strict ones.
        .target(
            name: "TriageServiceAPI",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["README.md"]
        ),
        // `triage serve`: escalations over HTTP (Hummingbird 2) into durable jobs run by the engine.
        .target(
            name: "TriageService",
            dependencies: [
                "TriageServiceAPI",
                "TriageEngine",
                "TriageCore",
                "TriageStore",
                "TriageActions",
                "TriageInventory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Child processes: posix_spawn, a reaper thread per child, pipes that no other child inherits.
        .target(name: "CChildProcess"),
        // fopencookie for the CLI's terminal-safe standard streams (glibc declares it only under _GNU_SOURCE).
        .target(name: "CTerminalOutput"),
        // mallopt(M_ARENA_MAX) for sweep and serve (glibc declares it in <malloc.h>, outside Swift's Glibc module).
        .target(name: "CMallocArenas"),
        .target(
            name: "ChildProcess",
            dependencies: ["CChildProcess"],
            swiftSettings: strictSettings
        ),
        // Simulated routers: an SSH server of its own (swift-nio-ssh) serving fault scenarios.
        .target(
            name: "TriageSimulator",
            dependencies: [
                "TriageCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                "ChildProcess",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "triage",
            dependencies: [
                "TriageCore",
                "TriageInventory",
                "TriageSimulator",
                "TriageStore",
                "TriageStorePostgres",
                "TriageActions",
                "TriageReport",
                "TriageEngine",
                "TriageService",
                "SSHTransport",
                "CTerminalOutput",
                "CMallocArenas",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer target for the parsers. scripts/fuzz builds it with -sanitize=fuzzer -DFUZZING (its main then
        // hands over to libFuzzer's driver, declared with @_extern(c)); a plain build is a replayer of fuzz inputs.
        .executableTarget(
            name: "TriageFuzz",
            dependencies: ["TriageCore"],
            swiftSettings: strictSettings + [.enableExperimentalFeature("Extern")]
        ),
        // Fixtures shared by the test targets: real SSH servers, temporary folders, shells.
        .target(
            name: "TriageTestSupport",
            dependencies: [
                "SSHTransport",
                "TriageCore",
                "TriageStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                "ChildProcess",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TriageTestSupport",
            swiftSettings: strictSettings
        ),
        // Benchmarks print figures; they are run by scripts/bench, never asserted in tests.
        .executableTarget(
            name: "SSHRoundTripBenchmark",
            dependencies: [
                "SSHTransport", "TriageTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SSHRoundTrip",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "DiagnosisBenchmark",
            dependencies: [
                "TriageCore", "TriageInventory", "TriageSimulator", "TriageTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Diagnosis",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SSHTransportTests",
            dependencies: ["SSHTransport", "TriageTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChildProcessTests",
            dependencies: ["ChildProcess"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageSimulatorTests",
            dependencies: ["TriageSimulator", "TriageCore", "TriageInventory", "SSHTransport", "TriageTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageStoreTests",
            dependencies: [
                "TriageStore", "TriageStorePostgres", "TriageActions", "TriageCore", "TriageInventory", "SSHTransport",
                "TriageTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                "ChildProcess",
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageReportTests",
            dependencies: ["TriageReport", "TriageCore", "TriageInventory", "TriageTestSupport", "ChildProcess"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageEngineTests",
            dependencies: [
                "TriageEngine", "TriageStore", "TriageActions", "TriageCore", "TriageInventory", "TriageSimulator", "TriageTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageServiceTests",
            dependencies: [
                "TriageService", "TriageEngine", "TriageStore", "TriageActions", "TriageCore", "TriageInventory",
                "TriageTestSupport", "ChildProcess",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageCoreTests",
            // TriageSimulator for its tool shims: the probe fixture tests run the scripts on fixture devices.
            dependencies: ["TriageCore", "TriageSimulator", "TriageTestSupport"],
            // Golden cases and fixture devices are read from the source tree by path, not bundled.
            exclude: ["Golden", "Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageInventoryTests",
            dependencies: ["TriageInventory", "TriageCore", "SSHTransport", "TriageTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
