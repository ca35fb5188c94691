"""A tiny stand-in for `gantry up` used only by test_harness.py (self-test of the
fixtures without the real binary). Answers /healthz and four read-only ECS calls."""
import sys, json, os, http.server, uuid
args=sys.argv[1:]
assert args[0]=='up'
listen=args[args.index('--listen')+1]; host,port=listen.rsplit(':',1)
acct=os.environ['GANTRY_ACCOUNT_ID']
ci=f"arn:aws:ecs:us-east-1:{acct}:container-instance/default/0123456789abcdef0123456789abcdef"
cl={"clusterArn":f"arn:aws:ecs:us-east-1:{acct}:cluster/default","clusterName":"default","status":"ACTIVE","registeredContainerInstancesCount":1,"runningTasksCount":0,"pendingTasksCount":0,"activeServicesCount":0}
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path=='/healthz' else 404); self.send_header('Content-Length','2'); self.end_headers(); self.wfile.write(b'ok')
    def do_POST(self):
        body=self.rfile.read(int(self.headers.get('content-length',0)))
        if 'Authorization' not in self.headers:
            return self.reply(400,{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"})
        try: json.loads(body)
        except Exception: return self.reply(400,{"__type":"SerializationException","message":"bad json"})
        op=self.headers['X-Amz-Target'].split('.')[-1]
        if op=='ListContainerInstances': return self.reply(200,{"containerInstanceArns":[ci]})
        if op=='DescribeContainerInstances': return self.reply(200,{"containerInstances":[{"containerInstanceArn":ci,"status":"ACTIVE","agentConnected":True}],"failures":[]})
        if op=='DescribeClusters': return self.reply(200,{"clusters":[cl],"failures":[]})
        if op=='ListClusters': return self.reply(200,{"clusterArns":[cl["clusterArn"]]})
        return self.reply(400,{"__type":"UnknownOperationException","message":"nope"})
    def reply(self,st,obj):
        raw=json.dumps(obj).encode(); self.send_response(st)
        self.send_header('Content-Type','application/x-amz-json-1.1'); self.send_header('x-amzn-RequestId',str(uuid.uuid4()))
        self.send_header('Content-Length',str(len(raw))); self.end_headers(); self.wfile.write(raw)
print("fake up", flush=True)
http.server.ThreadingHTTPServer((host,int(port)),H).serve_forever()
