# This repository is an nbgrader course directory: source/ -> release/ -> submitted/ -> autograded/.
c = get_config()  # noqa: F821 (provided by nbgrader)
c.CourseDirectory.course_id = "dl-forward"
# A hung cell (a student's infinite loop in a visible test) is interrupted after 15 s, not 30.
c.Execute.timeout = 15
