import Watchfloor

/// Fills a house-style template's slots: the place (a province name, or a city of the same
/// province), when it happened (relative to publication, in the language's words), counts, and
/// vocabulary entries (which may hold slots of their own). A capitalised slot (`{Goods}`)
/// capitalises what it fills.
struct HouseStyleRenderer {
    let book: HouseStyleBook
    var province: Province?
    var eventDay: Day
    var published: Day
    var count: Int
    var gapWeeks: Int

    /// The names of the slots in `text`, in order.
    static func slotNames(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return names
    }

    func render(_ template: String, random: inout SeededGenerator) -> String {
        fill(template, depth: 0, random: &random)
    }

    private func fill(_ text: String, depth: Int, random: inout SeededGenerator) -> String {
        guard depth < 4, text.contains("{") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "{", let close = text[index...].firstIndex(of: "}") else {
                output.append(text[index])
                index = text.index(after: index)
                continue
            }
            let name = String(text[text.index(after: index)..<close])
            let capitalised = name.first?.isUppercase ?? false
            let key = name.prefix(1).lowercased() + name.dropFirst()
            var value = fill(slot(key, random: &random) ?? "{\(name)}", depth: depth + 1, random: &random)
            if capitalised, let first = value.first { value = first.uppercased() + value.dropFirst() }
            output += value
            index = text.index(after: close)
        }
        return output
    }

    private func slot(_ key: String, random: inout SeededGenerator) -> String? {
        switch key {
        case "province": return province.flatMap { book.provinceNames[$0] }.map { random.pick($0) }
        case "city": return province.flatMap { book.cityNames[$0] }.map { random.pick($0) }
        case "count": return String(count)
        case "gap": return String(gapWeeks)
        case "weekday": return book.weekdays[eventDay.weekday - 1]
        case "day": return String(eventDay.day)
        case "month": return book.months[eventDay.month - 1]
        case "when":
            let days = published - eventDay
            let bucket: HouseStyleBook.When = days < 7 ? .sameWeek : days < 14 ? .lastWeek : .earlier
            return random.pick(book.when[bucket]!)
        default: return book.vocabulary[key].map { random.pick($0) }
        }
    }

    /// The label's events, placed in the rendered province unless marked `@none` or the template
    /// names no place.
    func events(of template: HouseStyleBook.Template) -> [GoldEvent] {
        template.events.map { label in
            GoldEvent(
                type: label.type, province: label.unplaced || !template.namesPlace ? nil : province,
                sincerity: label.sincerity)
        }
    }
}
