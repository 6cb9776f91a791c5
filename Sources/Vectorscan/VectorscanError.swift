import CVectorscan

/// A Vectorscan failure: a compile error names the expression (its index in the list given,
/// or nil when the error is about the whole set) with Vectorscan's own message.
public enum VectorscanError: Error, Equatable, CustomStringConvertible {
    case compile(expression: Int?, message: String)
    /// A runtime call failed with this `hs_error_t` (never a scan stopped by its handler).
    case call(String, code: Int32)

    public var description: String {
        switch self {
        case .compile(let expression?, let message): return "expression \(expression): \(message)"
        case .compile(nil, let message): return message
        case .call(let name, let code): return "\(name) failed (hs_error_t \(code))"
        }
    }
}
