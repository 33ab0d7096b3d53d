-- Guardianship procedures as the law has them (SPEC section 5, revised 2026-12-01).
-- A case may go through the procedure more than once: the rows of one procedure carry the id of
-- its guardianship-transfer instance, so a second procedure's measures and placement are its own.

-- A measure is asked for by 民政 or the protection center and taken by the authority the law
-- gives it (公安 issues 告诫书; 公安/检察院/法院 训诫 and 家庭教育指导令 ...); whether the
-- guardian changed is known at the visit after it.
ALTER TABLE guardianship_measure ADD COLUMN procedure_id VARCHAR(64);
ALTER TABLE guardianship_measure ADD COLUMN authority VARCHAR(64);
ALTER TABLE guardianship_measure ADD COLUMN requested_by VARCHAR(64);
ALTER TABLE guardianship_measure ADD COLUMN document_number VARCHAR(100);
CREATE INDEX ix_measure_procedure ON guardianship_measure (procedure_id);

-- 安置方案: the judgment carried out, the institution or family, contact with the parents, the
-- child's own view; a restoration judgment ends the appointed guardianship (民法典 art 38).
ALTER TABLE guardianship_placement ADD COLUMN procedure_id VARCHAR(64);
ALTER TABLE guardianship_placement ADD COLUMN judgment_number VARCHAR(100);
ALTER TABLE guardianship_placement ADD COLUMN institution VARCHAR(200);
ALTER TABLE guardianship_placement ADD COLUMN parent_contact VARCHAR(1000);
ALTER TABLE guardianship_placement ADD COLUMN child_view VARCHAR(1000);
ALTER TABLE guardianship_placement ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_placement_procedure ON guardianship_placement (procedure_id);
