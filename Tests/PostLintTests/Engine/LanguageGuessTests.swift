@testable import PostLint
import Testing

/// Posts in another language are told apart from English ones, conservatively: short, mixed
/// and English crisis posts stay English (and are linted).
@Suite struct LanguageGuessTests {
    @Test(arguments: [
        ("Ese penalti fallado fue un suicidio deportivo. ¿Quién tira a lo Panenka en una final?", "es"),
        ("El Madrid firmó un auténtico suicidio táctico en la segunda parte y perdió el partido", "es"),
        ("Die Mannschaft beging in der zweiten Halbzeit kollektiven Selbstmord: drei Gegentore in zehn Minuten", "de"),
        ("Le suicide sportif de l'équipe de France en deuxième mi-temps restera dans les annales.", "fr"),
        ("Ele falou do suicídio do personagem no livro de um jeito muito respeitoso, a resenha tá ótima", "pt"),
    ])
    func otherLanguagesAreRecognised(text: String, language: String) {
        #expect(LanguageGuess.language(of: text) == language)
    }

    @Test(arguments: [
        "I want to die, I really want to die tonight",
        "everyone would be better off if I were gone",
        "kms",
        "Suicidio",
        "la la land made me cry lol",
        "honestly no sé, I just want it all to end, I can't do this anymore",
        "Good vibes only! Everything happens for a reason.",
        "die die die",
    ])
    func englishAndUnsurePostsStayEnglish(text: String) {
        #expect(LanguageGuess.language(of: text) == "en")
    }
}
