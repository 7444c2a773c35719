// Every operation of /api/v1, so that the OpenAPI document lists them all.
import "./v1/core";
import "./v1/uploads";
import "./v1/diagrams";
import "./v1/resources";
