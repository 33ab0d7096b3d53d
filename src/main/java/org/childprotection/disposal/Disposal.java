package org.childprotection.disposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Helpers the disposal part of the model calls ({@code ${disposal.…}}). */
@Component("disposal")
public class Disposal {

  /** One referral per unit, however many rules of the plan chose it, in the plan's order. */
  public List<String> distinctUnits(Collection<?> units) {
    List<String> distinct = new ArrayList<>();
    if (units != null) {
      new LinkedHashSet<>(units).forEach(u -> distinct.add(String.valueOf(u)));
    }
    return distinct;
  }
}
