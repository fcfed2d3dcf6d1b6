import ArgumentParser

@main
struct WatchfloorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchfloor",
        abstract: "An offline indications-and-warnings workbench for reporting on North Korea's gift politics.",
        discussion: """
            Ingest reporting (text, Markdown, HTML, RSS/Atom, JSON Lines, CSV), code it into sourced events, \
            track indicators by province and over time, and raise warnings when the system shows strain.

            Start with `watchfloor demo`: it ingests the bundled sample reporting into a fresh database, \
            analyses it and serves the dashboard.
            """,
        subcommands: [
            // Keep this list in the order of the pipeline; one type per subcommand.
            DemoCommand.self,
            IngestCommand.self,
            StatusCommand.self,
            SearchCommand.self,
            EventsCommand.self,
            SourcesCommand.self,
            WarningsCommand.self,
            SeriesCommand.self,
            ExplainCommand.self,
            RecodeCommand.self,
            ReindexCommand.self,
            EvalCommand.self,
            PackCommand.self,
            SimulateCommand.self,
            ServeCommand.self,
            BenchCommand.self,
        ]
    )
}
