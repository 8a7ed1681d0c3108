// Ranking maths arrive in this target.
