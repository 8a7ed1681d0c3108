import ArenaCLI

ArenaCommand.prepareProcess()
await ArenaCommand.runMain()
