# Relations map names to class names, not strings or patterns:
# ParseError::UnrecognizedToken "did not expect to find the token 'Organization'".

resource Repository {
  relations = {parent: "Organization"};
}

#!load ParseError::UnrecognizedToken 5:24
