package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;

/** The rejected rows of a delivery as CSV (made safe against formula injection by RejectedRowsCsv). 404 for others' deliveries. */
@WebServlet("/delivery/rejected-rows")
public class RejectedRowsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Deliveries deliveries;

    @Inject
    transient CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Delivery> delivery;
        try {
            delivery = deliveries.find(Long.valueOf(request.getParameter("id")))
                    .filter(d -> currentUser.mayAccessInstitution(d.getInstitutionId()));
        } catch (NumberFormatException e) {
            delivery = Optional.empty();
        }
        if (delivery.isEmpty()) {
            response.sendError(404);
            return;
        }
        byte[] csv = delivery.get().rejectedCsv();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows-" + delivery.get().getId() + ".csv\"");
        response.setContentLength(csv.length);
        response.getOutputStream().write(csv);
    }
}
