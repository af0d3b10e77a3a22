namespace CivicConnect.Staff.Localization;

/// <summary>The dashboard: the analytics summary as charts, each with its table, and the ward map.</summary>
internal sealed class DashboardText : IConsoleStrings
{
    public IEnumerable<ConsoleString> Strings =>
    [
        new("dashboard.title", "Dashboard", "Tableau de bord"),
        new("dashboard.period", "Period", "Période"),
        new("dashboard.period.days", "Last {0} days", "{0} derniers jours"),
        new("dashboard.scope.all", "Every department", "Tous les services"),
        new("dashboard.scope.department", "Department {0}", "Service {0}"),
        new("dashboard.scope.none", "Your account has no department: no figures to show.", "Votre compte n’a pas de service : aucun chiffre à afficher."),
        new("dashboard.total", "{0} reports in the period", "{0} signalements dans la période"),
        new("dashboard.loading", "Loading the figures…", "Chargement des chiffres…"),
        new("dashboard.table", "Show as a table", "Afficher en tableau"),
        new("dashboard.volume.title", "Reports per day and category", "Signalements par jour et par catégorie"),
        new("dashboard.volume.day", "Day", "Jour"),
        new("dashboard.volume.total", "Total", "Total"),
        new("dashboard.volume.empty", "No report in the period.", "Aucun signalement dans la période."),
        new("dashboard.category.title", "Reports by category", "Signalements par catégorie"),
        new("dashboard.category", "Category", "Catégorie"),
        new("dashboard.count", "Reports", "Signalements"),
        new("dashboard.sla.title", "Resolved on time (SLA)", "Résolus dans les délais (SLA)"),
        new("dashboard.sla.text", "{0} of {1} resolved reports with a deadline were resolved on time: {2} %.", "{0} des {1} signalements résolus avec échéance l’ont été dans les délais : {2} %."),
        new("dashboard.sla.none", "No report with a deadline was resolved in the period.", "Aucun signalement avec échéance n’a été résolu dans la période."),
        new("dashboard.sla.ontime", "On time", "Dans les délais"),
        new("dashboard.sla.late", "Late", "En retard"),
        new("dashboard.times.title", "Time to triage and to resolve (median, hours)", "Délai de tri et de résolution (médiane, heures)"),
        new("dashboard.times.triage", "Triage", "Tri"),
        new("dashboard.times.resolve", "Resolve", "Résolution"),
        new("dashboard.times.measure", "Measure", "Mesure"),
        new("dashboard.times.median", "Median (hours)", "Médiane (heures)"),
        new("dashboard.times.reports", "Reports counted", "Signalements comptés"),
        new("dashboard.times.none", "not enough data", "pas assez de données"),
        new("dashboard.satisfaction.title", "Satisfaction (1 to 5)", "Satisfaction (1 à 5)"),
        new("dashboard.satisfaction.text", "{0} answers, mean {1}", "{0} réponses, moyenne {1}"),
        new("dashboard.satisfaction.none", "No answer in the period.", "Aucune réponse dans la période."),
        new("dashboard.satisfaction.score", "Score", "Note"),
        new("dashboard.satisfaction.answers", "Answers", "Réponses"),
        new("dashboard.wards.title", "Open reports by ward", "Signalements ouverts par quartier"),
        new("dashboard.wards.region", "Map of the wards shaded by their open reports", "Carte des quartiers colorés selon leurs signalements ouverts"),
        new("dashboard.wards.legend", "Open reports", "Signalements ouverts"),
        new("dashboard.wards.ward", "Ward", "Quartier"),
        new("dashboard.wards.open", "Open reports", "Signalements ouverts"),
        new("dashboard.error", "The figures could not be loaded. Try again in a moment.", "Les chiffres n’ont pas pu être chargés. Réessayez dans un instant."),
    ];
}
