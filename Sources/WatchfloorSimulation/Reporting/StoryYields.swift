import Watchfloor

/// How many events of each kind one document about a happening reports, on average over the
/// templates and languages an outlet writes it in: the factor between the documents an outlet
/// is expected to publish and the events they are expected to report (``ExpectedReporting``).
///
/// A document's first sentence is a template of the happening in the outlet's voice, picked
/// uniformly, in a language drawn by the outlet's shares; with probability
/// ``ReportingGenerator/companionChance`` a second sentence reports a related happening of the
/// same place and week (see ``Happening/companions(voice:)``). Two simplifications, both small:
/// a template naming two provinces counts for the first only, and a companion sentence is
/// counted even where it would repeat an event type the first sentence already reported (the
/// writer then skips it).
struct StoryYields {
    /// One event a document may report, placed as its template places it.
    struct Event: Hashable {
        var type: EventType
        var sincerity: Sincerity?
        var placement: TemplateEvent.Placement
    }

    private struct Key: Hashable {
        var outlet: String
        var happening: Happening
    }

    let library: TemplateLibrary
    private var cache: [Key: [Event: Double]] = [:]

    init(library: TemplateLibrary) {
        self.library = library
    }

    /// Events per document of `happening` written by `outlet`, first sentence only.
    mutating func yields(of happening: Happening, by outlet: OutletProfile) -> [Event: Double] {
        let key = Key(outlet: outlet.name, happening: happening)
        if let cached = cache[key] { return cached }
        let voice = outlet.source.kind
        let usable = outlet.languages.filter {
            $0.share > 0 && !(library.phraseBooks[$0.language]?.sentences(for: happening, voice: voice).isEmpty ?? true)
        }
        let total = usable.map(\.share).reduce(0, +)
        var result: [Event: Double] = [:]
        for option in usable {
            let sentences = library.phraseBooks[option.language]!.sentences(for: happening, voice: voice)
            let weight = option.share / total / Double(sentences.count)
            for sentence in sentences {
                for event in sentence.events {
                    result[Event(type: event.type, sincerity: event.sincerity, placement: event.placement), default: 0] += weight
                }
            }
        }
        cache[key] = result
        return result
    }

    /// Events per document of `happening` by `outlet`, with the companion sentence it carries
    /// with probability `companionChance`, drawn uniformly from `companions` (those that also
    /// happened in the place and week).
    mutating func yields(
        of happening: Happening, by outlet: OutletProfile, companions: [Happening], companionChance: Double
    ) -> [Event: Double] {
        var result = yields(of: happening, by: outlet)
        guard !companions.isEmpty else { return result }
        let share = companionChance / Double(companions.count)
        for companion in companions {
            for (event, value) in yields(of: companion, by: outlet) { result[event, default: 0] += share * value }
        }
        return result
    }
}
