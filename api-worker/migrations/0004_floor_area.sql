-- A household's floor area (建筑面积) in 0.01 m², the weight of a double majority by area (双过半) in
-- owners' matters. NULL until staff record it.
ALTER TABLE households ADD COLUMN floor_area INTEGER CHECK (floor_area IS NULL OR floor_area > 0);
