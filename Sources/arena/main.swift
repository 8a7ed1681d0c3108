import ArenaCLI

await ArenaCommand.runMain()
