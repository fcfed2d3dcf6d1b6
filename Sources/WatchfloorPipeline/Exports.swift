// The pipeline is the front ends' one entry point: it re-exports the stages' public types so that
// the CLI and the web server depend on one module.
@_exported import Watchfloor
@_exported import WatchfloorAnalysis
@_exported import WatchfloorCharts
@_exported import WatchfloorCoding
@_exported import WatchfloorIngest
@_exported import WatchfloorStore
@_exported import WatchfloorSimulation
