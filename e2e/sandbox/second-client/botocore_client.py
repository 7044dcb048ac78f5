"""Debian's botocore as a second, independent client of the sandbox.

Reads one JSON request per line on stdin, makes the call with botocore's own SigV4 signer and
Query-protocol parser, and writes one JSON line back: the parsed reply, or the error exactly as
botocore parsed it (code, message, Type, HTTP status, request id, and the exception class it raised).
Run with /usr/bin/python3, which has python3-botocore.
"""
import datetime
import json
import sys

import botocore.exceptions
import botocore.session
from botocore import xform_name
from botocore.config import Config

SESSION = botocore.session.get_session()


def client_for(request):
    creds = request["credentials"]
    return SESSION.create_client(
        request["service"],
        region_name=request.get("region", "us-east-1"),
        endpoint_url=request["endpoint"],
        aws_access_key_id=creds["accessKeyId"],
        aws_secret_access_key=creds["secretAccessKey"],
        aws_session_token=creds.get("sessionToken"),
        # One attempt: a retried call would hide what the first reply was. No client-side
        # validation, so the sandbox's own ValidationError can be provoked.
        config=Config(retries={"total_max_attempts": 1}, parameter_validation=False),
    )


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def call(request):
    client = client_for(request)
    method = getattr(client, xform_name(request["operation"]))
    try:
        reply = method(**request.get("params", {}))
    except botocore.exceptions.ClientError as error:
        return {
            "kind": "ClientError",
            "error": error.response.get("Error", {}),
            "status": error.response["ResponseMetadata"].get("HTTPStatusCode"),
            "requestId": error.response["ResponseMetadata"].get("RequestId"),
            # The modelled exception botocore matched by code, or ClientError itself when none.
            "raisedAs": type(error).__name__,
        }
    except botocore.exceptions.BotoCoreError as error:
        # ResponseParserError (the reply did not parse), connection errors, ...
        return {"kind": type(error).__name__, "message": str(error)}
    metadata = reply.pop("ResponseMetadata", {})
    return {
        "kind": "ok",
        "status": metadata.get("HTTPStatusCode"),
        "requestId": metadata.get("RequestId"),
        "reply": plain(reply),
    }


for line in sys.stdin:
    if line.strip():
        print(json.dumps(call(json.loads(line))), flush=True)
