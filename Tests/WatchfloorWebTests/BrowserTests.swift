import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// Every page loaded by headless Chromium from a live server whose store holds hostile
/// reporting: no console message (a script error, a blocked resource, a Content-Security-Policy
/// violation, a failed load) and no element or attribute that escaping should have prevented.
///
/// Needs Debian's `chromium` (`.ci/run` installs it); set `WATCHFLOOR_CHROMIUM` to use another
/// binary. Without one the test is reported as skipped, not passed — except where
/// `WATCHFLOOR_REQUIRE_BROWSER=1` (CI sets it), where a missing browser fails the run.
@Suite(.serialized) struct BrowserTests {
    static let chromium: String? = {
        let environment = ProcessInfo.processInfo.environment["WATCHFLOOR_CHROMIUM"]
        return ([environment].compactMap { $0 } + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let required = ProcessInfo.processInfo.environment["WATCHFLOOR_REQUIRE_BROWSER"] == "1"

    @Test(.enabled(if: chromium != nil || required, "needs Chromium: apt-get install chromium fonts-noto-cjk"))
    func everyPageLoadsWithoutConsoleMessagesOrInjectedMarkup() async throws {
        let fixture = try WebFixture()
        let browser = Chromium(executable: try #require(Self.chromium))
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            var resources = Set<String>()
            for page in try fixture.pages() {
                let load = try await browser.load("http://localhost:\(port)\(page)")
                #expect(load.console.isEmpty, "\(page): \(load.console.joined(separator: "\n"))")
                let elements = DOMScan.startTags(load.dom)
                #expect(elements.contains { $0.name == "main" }, "\(page): the page did not render")
                let scripts = elements.filter { $0.name == "script" }
                #expect(scripts.count == 1 && scripts.first?.attributes["src"]?.hasPrefix("/static/watchfloor.js") == true, "\(page)")
                for element in elements {
                    for (name, value) in element.attributes {
                        #expect(!name.hasPrefix("on"), "\(page): <\(element.name) \(name)=…> came through")
                        #expect(!value.lowercased().hasPrefix("javascript:"), "\(page): \(name)=\(value)")
                    }
                    #expect(!["iframe", "object", "embed", "base"].contains(element.name), "\(page): <\(element.name)>")
                    if element.name == "img" {
                        #expect(element.attributes["src"]?.hasPrefix("/series.svg?") == true, "\(page): an image from elsewhere")
                    }
                    if let source = element.name == "link" ? element.attributes["href"] : element.attributes["src"] {
                        resources.insert(source.replacingOccurrences(of: "&amp;", with: "&"))
                    }
                }
            }
            // Headless Chromium does not log a failed image or stylesheet: fetch each one.
            #expect(resources.count > 3)
            for resource in resources {
                #expect(resource.hasPrefix("/"), "\(resource) is not served by the dashboard")
                let response = try await client.execute(uri: resource, method: .get)
                #expect(response.status == .ok, "\(resource)")
            }
        }
    }
}

/// Headless Chromium, one process per page (slow, but nothing to install beyond the browser).
struct Chromium: Sendable {
    var executable: String

    struct Load {
        /// The DOM after the page loaded and its script ran, serialised.
        var dom: String
        /// Messages the page wrote to the console, errors and CSP violations included.
        var console: [String]
    }

    func load(_ url: String) async throws -> Load {
        let folder = try TemporaryDirectory(prefix: "watchfloor-chromium")
        let output = folder.file("dom.html")
        let log = folder.file("stderr.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-sync",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=\(folder.file("profile").path)",
            "--virtual-time-budget=3000", "--dump-dom", url,
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: log)
        // Await the exit without blocking a thread the server under test needs.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let console = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(":CONSOLE") || $0.contains("CONSOLE(") }.map(String.init)
        return Load(dom: try String(contentsOf: output, encoding: .utf8), console: console)
    }
}

/// The start tags of serialised HTML with their attributes. Attribute values are skipped as
/// whole quoted strings, so text that merely looks like a tag inside one is not counted.
enum DOMScan {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    static func startTags(_ html: String) -> [Element] {
        let bytes = Array(html.utf8)
        var elements: [Element] = []
        var i = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte) || byte == 45 || byte == 58
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, (97...122).contains(bytes[i + 1] | 0x20) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            var element = Element(name: String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased(), attributes: [:])
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                guard isNameByte(bytes[j]) else {
                    j += 1
                    continue
                }
                let start = j
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < bytes.count, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[valueStart..<min(j, bytes.count)], as: UTF8.self)
                        j += 1
                    } else {
                        let valueStart = j
                        while j < bytes.count, bytes[j] != UInt8(ascii: " "), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[valueStart..<j], as: UTF8.self)
                    }
                }
                element.attributes[name] = value
            }
            elements.append(element)
            i = j + 1
        }
        return elements
    }
}

@Suite struct DOMScanTests {
    @Test func findsInjectedElementsButNotEscapedOrQuotedText() {
        let html = """
            <p title="a <img src=x onerror=alert(1)> in a title">&lt;script&gt;alert(1)&lt;/script&gt;</p>\
            <img src=x onerror="alert(2)"><a href='javascript:alert(3)'>x</a><script src="/static/watchfloor.js"></script>
            """
        let elements = DOMScan.startTags(html)
        #expect(elements.map(\.name) == ["p", "img", "a", "script"])
        #expect(elements[1].attributes["onerror"] == "alert(2)")
        #expect(elements[1].attributes["src"] == "x")
        #expect(elements[2].attributes["href"] == "javascript:alert(3)")
        #expect(elements[0].attributes["title"] == "a <img src=x onerror=alert(1)> in a title")
    }
}
