"""The founding assembly's papers: invitation, attendance sheet, minutes, authorising
resolutions."""
