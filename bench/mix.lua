-- wrk script: each request asks for a path picked at random from a file of
-- paths, one a line (the same file for every server compared), and the run
-- ends with one machine-readable line:
--   RESULT requests_per_second p50_ms p99_ms socket_errors non_2xx_3xx
-- With HERALD_BENCH_ACCEPT_ENCODING set, requests carry that Accept-Encoding.

local counter = 0

function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
end

local paths, headers

function init(args)
	paths = {}
	for line in io.lines(args[1]) do
		if line ~= "" then paths[#paths + 1] = line end
	end
	assert(#paths > 0, "no paths in " .. args[1])
	headers = {}
	local enc = os.getenv("HERALD_BENCH_ACCEPT_ENCODING")
	if enc and enc ~= "" then headers["Accept-Encoding"] = enc end
	math.randomseed(1234 + (id or 0))
end

function request()
	return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
		summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		e.connect + e.read + e.write + e.timeout, e.status))
end
