import Foundation

// arena-bench: benchmarks run by hand, never as timed tests.
// Usage: swift run -c release arena-bench <subcommand> [options]
// Each subcommand lives in its own file and takes the remaining arguments, returning an exit code.
// Entries may be async (top-level code here can await).

let subcommands: [String: ([String]) async -> Int32] = [
    "ranking": RankingBenchmark.run,
    "screen": { _ in print(ScreenBenchmark.report(await ScreenBenchmark.run())); return 0 },
    "fuzz": FuzzBenchmark.run,
    "serve": BenchServer.run,
    "ingest": IngestBenchmark.run,
    "ttft": TTFTBenchmark.run,
    "store-writes": StoreWriteBenchmark.run,
    "screen-model": ScreenModelBenchmark.run,
    "stats": StatsBenchmark.run,
    "ask": AskBenchmark.run,
    "nway": NWayBenchmark.run,
    "nway-settled": NWaySettledBenchmark.run,
    "gateway": GatewayBenchmark.run,
    "decode": DecodeBenchmark.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
if let name = arguments.first, let run = subcommands[name] {
    exit(await run(Array(arguments.dropFirst())))
}
let help = arguments.isEmpty || arguments.first == "--help"
let usage = "usage: arena-bench <\(subcommands.keys.sorted().joined(separator: "|"))> [options]\n\n"
    + "ranking " + RankingBenchmark.usage + "ingest " + IngestBenchmark.usage + "ttft " + TTFTBenchmark.usage
    + "store-writes " + StoreWriteBenchmark.usage + "screen-model " + ScreenModelBenchmark.usage
    + "stats " + StatsBenchmark.usage + "ask " + AskBenchmark.usage + "nway " + NWayBenchmark.usage
    + "nway-settled " + NWaySettledBenchmark.usage + "gateway " + GatewayBenchmark.usage
    + "decode " + DecodeBenchmark.usage
(help ? FileHandle.standardOutput : FileHandle.standardError).write(Data(usage.utf8))
exit(help ? 0 : 2)
