namespace CivicConnect.Staff.Localization;

/// <summary>The frame around every page: bar, navigation, sign-in, refusals.</summary>
internal sealed class LayoutText : IConsoleStrings
{
    public IEnumerable<ConsoleString> Strings =>
    [
        new("layout.product", "CivicConnect 311 console", "Console 311 CivicConnect"),
        new("layout.skip", "Skip to main content", "Aller au contenu principal"),
        new("layout.menu", "Show or hide the menu", "Afficher ou masquer le menu"),
        new("layout.navigation", "Console sections", "Sections de la console"),
        new("layout.signout", "Sign out", "Se déconnecter"),
        new("layout.language.label", "Français — afficher la console en français", "English — show the console in English"),
        new("layout.language.other", "Français", "English"),
        new("nav.queue", "Queue", "File d’attente"),
        new("nav.map", "Map", "Carte"),
        new("nav.dashboard", "Dashboard", "Tableau de bord"),
        new("nav.handoffs", "Hand-offs", "Transferts"),
        new("nav.field", "My work", "Mon travail"),
        new("nav.classifier", "Classifier", "Classification"),
        new("nav.routing", "Routing", "Acheminement"),
        new("nav.outbox", "Failed messages", "Messages en échec"),
        new("forbidden.title", "You may not open this page", "Vous ne pouvez pas ouvrir cette page"),
        new("forbidden.text", "Your role or department does not give access to it. Ask a supervisor if you need it.", "Votre rôle ou votre service n’y donne pas accès. Demandez à un superviseur si vous en avez besoin."),
        new("signin.title", "Sign in (development)", "Connexion (développement)"),
        new("signin.explain", "This page exists only on a development machine: pick who you are. A city signs in with its own accounts.", "Cette page n’existe que sur un poste de développement : choisissez qui vous êtes. Une ville se connecte avec ses propres comptes."),
        new("signin.role", "Role", "Rôle"),
        new("signin.department", "Department code (e.g. ROADS)", "Code du service (p. ex. ROADS)"),
        new("signin.name", "Name", "Nom"),
        new("signin.submit", "Sign in", "Se connecter"),
        new("signin.error", "Choose a known role.", "Choisissez un rôle connu."),
        new("role.staff", "Staff", "Personnel"),
        new("role.supervisor", "Supervisor", "Superviseur"),
        new("role.field_worker", "Field worker", "Employé de terrain"),
        new("role.agent", "311 agent", "Agent 311"),
        new("role.triage", "Triage (reports with no department yet)", "Tri (signalements sans service)"),
        new("account.title", "Your account", "Votre compte"),
        new("account.name", "Name", "Nom"),
        new("account.roles", "Roles", "Rôles"),
        new("account.department", "Department", "Service"),
        new("account.none", "none (all departments for supervisors)", "aucun (tous les services pour les superviseurs)"),
    ];
}
