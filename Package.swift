// swift-tools-version:6.1
import PackageDescription

// registre: the GDPR accountability records of an organisation (Art. 30 register, Art. 28 agreements,
// Art. 33/34 breaches), checked, exported and kept.
//
// Docs/registre.xsd and the files of Templates/ are the single source of the schema and of the text
// layouts. The EmbeddedResources plugin compiles them into the modules that need them, so that the
// `registre` binary works wherever it is copied and nothing is looked up on disk at run time: each such
// target lists its files in its own EmbeddedResources.txt (excluded from its sources).

// fuzz/run sets REGISTRE_FUZZ: registre's modules are then instrumented for libFuzzer and AddressSanitizer,
// and the fuzz targets linked with them (by lld: gold fails on libFuzzer's archive). Not `swift build
// --sanitize fuzzer`, which would make the EmbedResources tool a fuzzer too, and the plugin could no
// longer run it.
let fuzzing = Context.environment["REGISTRE_FUZZ"] != nil
let sanitizers = "-sanitize=fuzzer,address"

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
] + (fuzzing ? [.unsafeFlags([sanitizers])] : [])

let package = Package(
    name: "registre",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RegistreCore", targets: ["RegistreCore"]),
        .library(name: "RegistreXML", targets: ["RegistreXML"]),
        .library(name: "RegistreReports", targets: ["RegistreReports"]),
        .library(name: "RegistreStore", targets: ["RegistreStore"]),
        .library(name: "RegistreDesk", targets: ["RegistreDesk"]),
        .library(name: "RegistreDocuments", targets: ["RegistreDocuments"]),
        .library(name: "RegistreService", targets: ["RegistreService"]),
        .executable(name: "registre", targets: ["registre"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 for the journal's hash chain.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The DPO's desk (`registre serve`): the HTTP server, and bcrypt for the accounts' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's own NIO, named for the desk's connection guard (deadlines on a request's head and
        // body, the client's address): no new package, the versions Hummingbird already resolves.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        // The zip container of OpenDocument files (RegistreDocuments).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The CSV of Madis's export (RegistreDocuments).
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // Issue 29, the desk run as a service: its logs (one JSON object a line) through the version
        // Hummingbird already resolves; its metrics in Prometheus' text format; its configuration file (TOML).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .executableTarget(name: "EmbedResources", path: "Sources/EmbedResources"),
        .plugin(
            name: "EmbeddedResources",
            capability: .buildTool(),
            dependencies: ["EmbedResources"]
        ),
        .target(name: "RegistreCore", swiftSettings: strictSwift),
        .target(
            name: "RegistreXML",
            dependencies: ["RegistreCore", "CLibXML2"],
            exclude: ["EmbeddedResources.txt"],
            swiftSettings: strictSwift,
            plugins: ["EmbeddedResources"]
        ),
        .target(
            name: "RegistreReports",
            dependencies: ["RegistreCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["EmbeddedResources.txt"],
            swiftSettings: strictSwift,
            plugins: ["EmbeddedResources"]
        ),
        .target(
            name: "RegistreStore",
            dependencies: [
                "RegistreCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        // The DPO's desk: web pages on the register of record. Only the CLI's `serve` command uses it.
        .target(
            name: "RegistreDesk",
            dependencies: [
                "RegistreCore", "RegistreXML", "RegistreReports", "RegistreStore", "RegistreService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                // HMAC for the second factor's one-time passwords (RFC 6238).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["EmbeddedResources.txt"],
            swiftSettings: strictSwift,
            plugins: ["EmbeddedResources"]
        ),
        // Documents in and out other than registre's XML: OpenDocument (ODS in the CNIL model's layout,
        // ODT), read and written through RegistreXML's OpenDocument parts and zipped with ZIPFoundation;
        // Madis's CSV export; JSON-LD (DPV); iCalendar.
        .target(
            name: "RegistreDocuments",
            dependencies: [
                "RegistreCore", "RegistreXML", "RegistreReports",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictSwift
        ),
        // The acts of the register, written once for the command line and the desk (open a breach, record
        // its facts…), and the one place where the store is opened with the XML reader's checks and the
        // kept XML.
        .target(
            name: "RegistreService",
            dependencies: ["RegistreCore", "RegistreXML", "RegistreReports", "RegistreStore", "RegistreDocuments"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "registre",
            dependencies: [
                "RegistreCore", "RegistreXML", "RegistreReports", "RegistreStore", "RegistreDesk", "RegistreDocuments", "RegistreService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        // The benchmarks' generator of large registers (bench/generate): a tool, not part of the library.
        .executableTarget(
            name: "registre-generate",
            dependencies: [
                "RegistreCore", "RegistreXML", "RegistreTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "bench/Generator",
            swiftSettings: strictSwift
        ),
        // The "Getting started" program of RegistreCore's documentation, built and run by a test.
        .executableTarget(
            name: "registre-getting-started",
            dependencies: ["RegistreCore", "RegistreXML"],
            path: "Examples/GettingStarted",
            swiftSettings: strictSwift
        ),
        // The libFuzzer targets of fuzz/run (REGISTRE_FUZZ above); an ordinary build makes them programs
        // that only say how to build them for fuzzing, which keeps them compiling against the library.
        .systemLibrary(name: "CLibFuzzer", path: "fuzz/CLibFuzzer"),
        .executableTarget(
            name: "registre-fuzz-reader",
            dependencies: ["CLibFuzzer", "RegistreCore", "RegistreXML"],
            path: "fuzz/Reader",
            swiftSettings: strictSwift,
            linkerSettings: fuzzing ? [.unsafeFlags([sanitizers, "-use-ld=lld"])] : []
        ),
        .executableTarget(
            name: "registre-fuzz-reports",
            dependencies: ["CLibFuzzer", "RegistreCore", "RegistreReports"],
            path: "fuzz/Reports",
            swiftSettings: strictSwift,
            linkerSettings: fuzzing ? [.unsafeFlags([sanitizers, "-use-ld=lld"])] : []
        ),
        // Issue 22: the readers of other tools' documents and the desk's form bodies.
        .executableTarget(
            name: "registre-fuzz-spreadsheet",
            dependencies: ["CLibFuzzer", "RegistreXML", "RegistreDocuments"],
            path: "fuzz/Spreadsheet",
            swiftSettings: strictSwift,
            linkerSettings: fuzzing ? [.unsafeFlags([sanitizers, "-use-ld=lld"])] : []
        ),
        .executableTarget(
            name: "registre-fuzz-madis",
            dependencies: ["CLibFuzzer", "RegistreCore", "RegistreDocuments"],
            path: "fuzz/Madis",
            swiftSettings: strictSwift,
            linkerSettings: fuzzing ? [.unsafeFlags([sanitizers, "-use-ld=lld"])] : []
        ),
        .executableTarget(
            name: "registre-fuzz-forms",
            dependencies: ["CLibFuzzer", "RegistreDesk"],
            path: "fuzz/Forms",
            swiftSettings: strictSwift,
            linkerSettings: fuzzing ? [.unsafeFlags([sanitizers, "-use-ld=lld"])] : []
        ),
        // Fixtures shared by the test targets (and the seeded randomness of the bench generator): the
        // repository's paths, a complete register to break one item at a time, a seeded generator of
        // registers, and runners for the binary and xmllint.
        .target(
            name: "RegistreTestSupport",
            dependencies: ["RegistreCore"],
            path: "Tests/RegistreTestSupport",
            swiftSettings: strictSwift
        ),
        // The tags of the tests (`.slow`, `.libreOffice`), declared once for every test target.
        .target(name: "RegistreTestTags", path: "Tests/RegistreTestTags", swiftSettings: strictSwift),
        .testTarget(
            name: "RegistreCoreTests",
            dependencies: ["RegistreCore", "RegistreTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreXMLTests",
            dependencies: ["RegistreCore", "RegistreXML", "RegistreTestSupport", "RegistreTestTags"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreReportsTests",
            dependencies: ["RegistreCore", "RegistreXML", "RegistreReports", "RegistreTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreStoreTests",
            dependencies: [
                "RegistreCore", "RegistreStore", "RegistreXML", "RegistreService", "RegistreTestSupport", "RegistreTestTags",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreServiceTests",
            dependencies: ["RegistreCore", "RegistreStore", "RegistreXML", "RegistreService", "RegistreTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreDeskTests",
            dependencies: [
                // The command itself too: a test declares breaches from the desk and `registre breach open` at once.
                "registre", "RegistreCore", "RegistreStore", "RegistreXML", "RegistreDesk", "RegistreService", "RegistreTestSupport",
                "RegistreTestTags",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreDocumentsTests",
            dependencies: [
                "RegistreCore", "RegistreXML", "RegistreDocuments", "RegistreTestSupport", "RegistreTestTags",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RegistreCLITests",
            dependencies: ["registre", "registre-getting-started", "RegistreTestSupport", "RegistreTestTags"],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
