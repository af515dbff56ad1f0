package io.cairn.billing.domain;

import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The payers the clinic bills and the codes each wants. */
@ApplicationScoped
public class Payers {

    @Transactional
    public Payer add(Payer payer) {
        if (payer.claimForm == ClaimForm.INSTITUTIONAL && payer.revenueCode == null) {
            throw new InvalidRequestException("revenueCode", "an institutional claim's line needs a revenue code, "
                    + "e.g. 0905 or 0906");
        }
        if (payer.claimForm == ClaimForm.PROFESSIONAL && payer.revenueCode != null) {
            throw new InvalidRequestException("revenueCode", "a professional claim carries no revenue code");
        }
        if (Payer.count("payerCode", payer.payerCode) > 0) {
            throw new ConflictException("A payer with payer code " + payer.payerCode + " exists already");
        }
        payer.id = UUID.randomUUID();
        payer.persist();
        return payer;
    }

    @Transactional
    public List<Payer> all() {
        return Payer.listAll(Sort.ascending("name", "id"));
    }

    @Transactional
    public Payer get(UUID id) {
        Payer payer = Payer.findById(id);
        if (payer == null) {
            throw new ResourceNotFoundException("Payer", id);
        }
        return payer;
    }
}
