import ArenaCore
import Foundation
import Testing

@Suite("Suite library")
struct SuiteLibraryTests {
    /// A scratch folder tree removed when the test ends.
    final class Scratch {
        let root: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("arena-suites-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            let path = "\(root)/\(relative)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func suite(_ prompts: Int, description: String = "") -> String {
            "description: \(description)\nprompts:\n"
                + (0..<prompts).map { "  - { id: p\($0), text: question \($0) }\n" }.joined()
        }
    }

    @Test func listsGoodSuitesAndReportsTheBrokenOneWithoutFailing() throws {
        let scratch = try Scratch()
        try scratch.write("repo/alpha.yaml", scratch.suite(2))
        try scratch.write("repo/broken.yaml", "prompts:\n  - id: a\n    txet: hi\n")
        try scratch.write("repo/gamma.yml", scratch.suite(3))
        try scratch.write("repo/notes.txt", "not a suite")
        try scratch.write("repo/.hidden.yaml", "garbage: [")
        try scratch.write("repo/nested/deep.yaml", scratch.suite(1))
        let library = SuiteLibrary(directories: ["\(scratch.root)/repo", "\(scratch.root)/missing"])

        let entries = library.list()
        #expect(entries.map(\.name) == ["alpha", "broken", "gamma"])
        #expect(entries.map(\.promptCount) == [2, 0, 3])
        #expect(entries.map(\.path) == ["alpha.yaml", "broken.yaml", "gamma.yml"].map { "\(scratch.root)/repo/\($0)" })
        #expect(entries[0].error == nil)
        #expect(entries[1].suite == nil)
        #expect(entries[1].error?.description == "\(scratch.root)/repo/broken.yaml:3: prompts[0].txet: "
            + "unknown key (expected one of: id, messages, notes, params, split, tags, text, vars)")
        #expect(entries.allSatisfy { !$0.shadowed })
    }

    @Test func userSuitesShadowRepoSuitesOfTheSameName() throws {
        let scratch = try Scratch()
        try scratch.write("repo/support.yaml", scratch.suite(2, description: shipped))
        try scratch.write("repo/review.yaml", scratch.suite(1))
        try scratch.write("user/support.yaml", scratch.suite(4, description: mine))
        let library = SuiteLibrary(directories: ["\(scratch.root)/repo", "\(scratch.root)/user"])

        let entries = library.list()
        #expect(entries.map(\.name) == ["review", "support", "support"])
        #expect(entries.map(\.shadowed) == [false, true, false])
        #expect(entries.map(\.directory) == ["repo", "repo", "user"].map { "\(scratch.root)/\($0)" })
        #expect(try library.resolve("support").description == mine)
        #expect(try library.resolve("support").prompts.count == 4)
        #expect(try library.resolve("review").source == "\(scratch.root)/repo/review.yaml")
    }

    @Test func resolvesAPathEvenOutsideTheSearchDirectories() throws {
        let scratch = try Scratch()
        let path = try scratch.write("elsewhere/adhoc.yaml", scratch.suite(1))
        let library = SuiteLibrary(directories: [])
        #expect(try library.resolve(path).name == "adhoc")
        #expect(try library.resolve(path).source == path)
        #expect(throws: ConfigError(file: "\(scratch.root)/nope.yaml", line: nil, field: "", message: "no such file")) {
            try library.resolve("\(scratch.root)/nope.yaml")
        }
        #expect(throws: ConfigError(file: "\(scratch.root)/elsewhere", line: nil, field: "",
                                    message: "is a directory, not a suite file")) {
            try library.resolve("\(scratch.root)/elsewhere")
        }
    }

    @Test func unknownNameListsTheKnownSuites() throws {
        let scratch = try Scratch()
        try scratch.write("repo/support.yaml", scratch.suite(1))
        try scratch.write("repo/review.yaml", scratch.suite(1))
        try scratch.write("user/support.yaml", scratch.suite(1))
        let repo = "\(scratch.root)/repo", user = "\(scratch.root)/user"
        let library = SuiteLibrary(directories: [repo, user])
        #expect(throws: ConfigError(file: "suport", line: nil, field: "",
                                    message: "no such suite (known: review, support; searched \(repo), \(user))")) {
            try library.resolve("suport")
        }
        #expect(throws: ConfigError(file: "x", line: nil, field: "", message: "no such suite (no suites found; searched /nowhere)")) {
            try SuiteLibrary(directories: ["/nowhere"]).resolve("x")
        }
    }

    @Test func resolvingABrokenSuiteByNameThrowsItsOwnError() throws {
        let scratch = try Scratch()
        let path = try scratch.write("repo/broken.yaml", "prompts: []\n")
        let library = SuiteLibrary(directories: ["\(scratch.root)/repo"])
        #expect(throws: ConfigError(file: path, line: 1, field: "prompts", message: "lists no prompts")) {
            try library.resolve("broken")
        }
    }

    @Test func findsTheRepoPromptsFolderFromTheExecutableOrTheEnvironment() throws {
        let scratch = try Scratch()
        try scratch.write("pkg/Package.swift", "// swift-tools-version: 6.1\n")
        try scratch.write("pkg/prompts/a.yaml", scratch.suite(1))
        let executable = try scratch.write("pkg/.build/x86_64-unknown-linux-gnu/debug/arena", "")
        let link = "\(scratch.root)/bin/arena"
        try FileManager.default.createDirectory(atPath: "\(scratch.root)/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: executable)
        let lonely = try scratch.write("installed/bin/arena", "")
        let found = "\(scratch.root)/pkg/prompts"

        #expect(SuiteLibrary.repoPromptsDirectory(environment: [:], executablePath: executable) == found)
        #expect(SuiteLibrary.repoPromptsDirectory(environment: [:], executablePath: link) == found)
        #expect(SuiteLibrary.repoPromptsDirectory(environment: [:], executablePath: lonely) == nil)
        #expect(SuiteLibrary.repoPromptsDirectory(environment: [:], executablePath: nil) == nil)
        #expect(SuiteLibrary.repoPromptsDirectory(environment: ["ARENA_PROMPTS_DIR": "/custom"], executablePath: executable)
            == "/custom")
        #expect(SuiteLibrary.repoPromptsDirectory(environment: ["ARENA_PROMPTS_DIR": ""], executablePath: executable)
            == found)
    }

    @Test func standardLibrarySearchesRepoThenUserFolder() throws {
        let scratch = try Scratch()
        try scratch.write("pkg/Package.swift", "")
        try scratch.write("pkg/prompts/a.yaml", scratch.suite(1))
        let executable = try scratch.write("pkg/.build/debug/arena", "")
        let library = SuiteLibrary.standard(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg"],
                                            executablePath: executable)
        #expect(library.directories == ["\(scratch.root)/pkg/prompts", "/cfg/arena/prompts"])
        let noRepo = SuiteLibrary.standard(environment: ["HOME": "/home/u"], executablePath: nil)
        #expect(noRepo.directories == ["/home/u/.config/arena/prompts"])
    }

    private let shipped = "shipped"
    private let mine = "mine"
}
