package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.dashboard.control.AreaChoice;
import nl.kunstloc.publieksdata.dashboard.control.PolicyScope;
import nl.kunstloc.publieksdata.dashboard.control.PublishedFigures;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.AreaTrend;
import nl.kunstloc.publieksdata.dashboard.entity.SegmentReach;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;

/**
 * The policymaker's municipality view ({@code ?gm=GMxxxx}, {@code &compare=}): what the pilot's institutions reach
 * among a municipality's inhabitants, beside the province (or a second municipality), from published reports only and
 * under the disclosure rule. An area the user may not see answers 404, whether asked for by the form or by hand.
 * The page has no action: choosing another municipality is a plain GET form.
 */
@Named
@ViewScoped
public class MunicipalityView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PublishedFigures figures;

    @Inject
    PostcodeDirectory directory;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    @Inject
    Messages messages;

    private String gm;
    private String compare;
    private String ownArea;
    private boolean noArea;
    private AreaReach area;
    private AreaReach comparison;
    private AreaTrend trend;

    public void load() {
        Set<Role> roles = currentUser.roles();
        ownArea = currentUser.account().map(UserAccount::getPolicyArea).orElse(null);
        if (blank(gm) && PolicyScope.defaultArea(roles, ownArea) == null) {
            noArea = true; // a policymaker whose area an administrator has not set yet
            return;
        }
        Optional<AreaChoice> choice = AreaChoice.of(roles, ownArea, gm, compare, directory);
        if (!guard.require(choice.isPresent(), "municipality view " + gm + " / " + compare)) {
            return;
        }
        gm = choice.get().area();
        compare = choice.get().compare();
        area = figures.area(gm, name(gm)).orElse(null);
        comparison = gm.equals(compare) ? null : figures.area(compare, name(compare)).orElse(null);
        trend = area == null ? null : figures.trend(gm, name(gm)).orElse(null);
    }

    public String name(String code) {
        return UserAccount.PROVINCE.equals(code) ? messages.text("admin.users.policyArea.province")
                : directory.municipality(code).map(Municipality::name).orElse(code);
    }

    /** A figure as text: the number, or why it is not shown. */
    public String people(Disclosed d) {
        return d.isShown() ? java.text.NumberFormat.getIntegerInstance(messages.locale()).format(Math.round(d.value()))
                : messages.text(d.withheld().messageKey());
    }

    public String number(Double value, int decimals) {
        if (value == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(messages.locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    public String percent(Double share) {
        return share == null ? "—" : number(100 * share, 1) + " %";
    }

    /** One trend cell: people reached per 1,000 inhabitants of the segment and its index, or why it is not shown. */
    public String trendCell(AreaTrend.SeasonReach season, int segment) {
        SegmentReach s = season.reach().segments().get(segment);
        if (!s.reached().isShown()) {
            return messages.text(s.reached().withheld().messageKey());
        }
        return messages.text("dashboard.municipality.trend.cell", number(s.penetration(), 1), number(s.index(), 0));
    }

    public String getPc4Json() {
        return area == null ? "{}" : area.pc4Json(messages.locale());
    }

    public boolean isChoosesMunicipality() {
        return PolicyScope.choosesMunicipality(currentUser.roles(), ownArea);
    }

    public List<Municipality> getMunicipalities() {
        return directory.municipalities();
    }

    public String getProvince() {
        return UserAccount.PROVINCE;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getGm() { return gm; }
    public void setGm(String gm) { this.gm = gm; }
    public String getCompare() { return compare; }
    public void setCompare(String compare) { this.compare = compare; }
    public boolean isNoArea() { return noArea; }
    public AreaReach getArea() { return area; }
    public AreaReach getComparison() { return comparison; }
    public AreaTrend getTrend() { return trend; }
    public String getLanguage() { return messages.locale().getLanguage(); }
}
