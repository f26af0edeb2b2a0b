package io.newswire.alerter;

import io.newswire.alerter.match.AlertLedger;
import io.newswire.common.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /alerts?after=N}: recent alerts after sequence N, which {@code alerts tail} polls. */
@Path("/alerts")
public class AlertsResource {
  private final AlerterService service;

  public AlertsResource(AlerterService service) {
    this.service = service;
  }

  @GET
  @RolesAllowed(Access.READER)
  @Produces(MediaType.APPLICATION_JSON)
  public List<AlertLedger.Entry> after(@QueryParam("after") @DefaultValue("0") long after) {
    return service.ledger().after(after);
  }
}
