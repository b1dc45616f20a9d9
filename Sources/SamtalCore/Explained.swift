// Errors that can say what went wrong, and what to do, in the interface's
// language.

public protocol Explained: Error, CustomStringConvertible {
    func message(_ language: Language) -> String
}

/// What a person is told about `error`: its own words in `language` when it
/// has them, else its description.
public func explain(_ error: Error, _ language: Language) -> String {
    if let e = error as? Explained { return e.message(language) }
    return String(describing: error)
}
