#!/usr/bin/env python3
"""docs/openapi.json is a valid OpenAPI 3.1 document, by openapi-spec-validator (PyPI), when it is installed.

The document itself is generated from the endpoint table and checked against it by core's tests
(`cargo test -p yishi-core --features schema api::docs`); this checks it against the OpenAPI specification.
"""
import json
import pathlib
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "openapi.json"

try:
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
except ImportError:  # not installed: say so rather than fail
    validate = None


class OpenApiTest(unittest.TestCase):
    def setUp(self):
        self.doc = json.loads(DOC.read_text(encoding="utf-8"))

    def test_is_openapi_3_1(self):
        self.assertEqual(self.doc["openapi"], "3.1.0")
        self.assertTrue(self.doc["paths"])

    @unittest.skipIf(validate is None, "openapi-spec-validator is not installed (pip install openapi-spec-validator)")
    def test_is_valid_by_openapi_spec_validator(self):
        try:
            validate(self.doc)
        except OpenAPIValidationError as err:
            self.fail(f"docs/openapi.json: {err}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
