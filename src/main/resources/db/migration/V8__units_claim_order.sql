-- General-admission claims take the lowest free ids of a zone (ORDER BY id). With id in the index
-- the planner walks only the zone's AVAILABLE entries whatever its statistics say; without it, a
-- plan made when every unit was available scans past all the sold ones on every claim.
DROP INDEX units_by_zone_and_status;
CREATE INDEX units_by_zone_and_status ON units (performance_id, zone_id, status, id);
