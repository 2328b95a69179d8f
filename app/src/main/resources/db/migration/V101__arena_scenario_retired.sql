-- Administrators retire scenarios instead of deleting them: battles and rubric scores refer to
-- them. A retired scenario is no longer offered and no new battle starts on it.
ALTER TABLE arena_scenario ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
