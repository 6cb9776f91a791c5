public enum PostLintVersion { public static let current = "0.1.0" }
