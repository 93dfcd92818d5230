import evidently
