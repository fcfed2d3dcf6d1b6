import ArgumentParser
import Foundation

/// `--db FILE`, defaulting to `$WATCHFLOOR_DB` and then `./watchfloor.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite database file (default: $WATCHFLOOR_DB, else ./watchfloor.sqlite).", valueName: "FILE"))
    var db: String?

    var databasePath: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["WATCHFLOOR_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "watchfloor.sqlite"
    }
}
