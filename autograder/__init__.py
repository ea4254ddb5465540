"""Assignment-independent grader for nbgrader notebooks: isolated, compared with the reference."""
