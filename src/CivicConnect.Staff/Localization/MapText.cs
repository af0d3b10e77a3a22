namespace CivicConnect.Staff.Localization;

/// <summary>The map of open reports: layers, legend, the list of what is in view.</summary>
internal sealed class MapText : IConsoleStrings
{
    public IEnumerable<ConsoleString> Strings =>
    [
        new("map.title", "Map of open reports", "Carte des signalements ouverts"),
        new("map.region", "Map of open reports, wards and hotspots. Use the arrow keys to pan, plus and minus to zoom, Tab to reach the markers.", "Carte des signalements ouverts, des quartiers et des points chauds. Flèches pour se déplacer, plus et moins pour zoomer, Tab pour atteindre les marqueurs."),
        new("map.loading", "Loading the map…", "Chargement de la carte…"),
        new("map.scope.all", "Every department", "Tous les services"),
        new("map.scope.department", "Department {0}", "Service {0}"),
        new("map.scope.none", "Your account has no department: no reports to show.", "Votre compte n’a pas de service : aucun signalement à afficher."),
        new("map.inview", "{0} open reports in view", "{0} signalements ouverts dans la vue"),
        new("map.truncated", "Only the {0} largest groups are drawn: zoom in to see the rest.", "Seuls les {0} plus grands groupes sont dessinés : zoomez pour voir le reste."),
        new("map.layer.wards", "Wards", "Quartiers"),
        new("map.layer.reports", "Open reports", "Signalements ouverts"),
        new("map.layer.hotspots", "Hotspots", "Points chauds"),
        new("map.legend", "Categories", "Catégories"),
        new("map.legend.cluster", "A circle with a number is a group of reports; its colour is the most common category. Select it to zoom in.", "Un cercle avec un nombre est un groupe de signalements ; sa couleur est la catégorie la plus fréquente. Sélectionnez-le pour zoomer."),
        new("map.legend.hotspot", "Dashed orange ring: a hotspot (reports bunched up in the last days).", "Anneau orange pointillé : un point chaud (signalements regroupés ces derniers jours)."),
        new("map.cluster.title", "{0} reports, mostly {1}", "{0} signalements, surtout {1}"),
        new("map.report.title", "Report {0}: {1}, priority {2}", "Signalement {0} : {1}, priorité {2}"),
        new("map.report.open", "Open report {0}", "Ouvrir le signalement {0}"),
        new("map.hotspot.title", "Hotspot: {0} reports within {1} m ({2})", "Point chaud : {0} signalements dans un rayon de {1} m ({2})"),
        new("map.ward.title", "Ward {0}: {1}", "Quartier {0} : {1}"),
        new("map.list.title", "What is in view", "Ce qui est dans la vue"),
        new("map.list.caption", "Groups and reports in the map's view, largest first", "Groupes et signalements dans la vue de la carte, les plus grands d’abord"),
        new("map.list.kind", "What", "Quoi"),
        new("map.list.category", "Category", "Catégorie"),
        new("map.list.count", "Reports", "Signalements"),
        new("map.list.priority", "Priority", "Priorité"),
        new("map.list.where", "Where (lat, lon)", "Où (lat, lon)"),
        new("map.list.group", "Group", "Groupe"),
        new("map.list.report", "Report {0}", "Signalement {0}"),
        new("map.list.zoom", "Zoom to this group", "Zoomer sur ce groupe"),
        new("map.list.empty", "No open report in view.", "Aucun signalement ouvert dans la vue."),
        new("map.hotspots.title", "Hotspots", "Points chauds"),
        new("map.hotspots.none", "No hotspot in the last {0} days.", "Aucun point chaud ces {0} derniers jours."),
        new("map.error", "The map could not load its data. Try again in a moment.", "La carte n’a pas pu charger ses données. Réessayez dans un instant."),
    ];
}
