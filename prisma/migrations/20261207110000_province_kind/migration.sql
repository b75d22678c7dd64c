-- A province above the districts, as the tree holds them: the issuing body of the
-- review report names it ("ĐẢNG BỘ TỈNH QUẢNG NINH"), and one deployment may serve a whole province.
ALTER TYPE "UnitKind" ADD VALUE 'PROVINCE' BEFORE 'DISTRICT';
